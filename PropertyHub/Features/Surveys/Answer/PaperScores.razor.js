// Paper entry: a valid digit (1-5) moves on to the next field at once, in the browser, so fast typing never waits for the server.
export function attach(form) {
    const steps = () => [...form.querySelectorAll('input[data-paper-step]')];
    form.addEventListener('input', event => {
        const field = event.target;
        if (!field.matches('input[data-paper-digit]') || !/^[1-5]$/.test(field.value)) {
            return;
        }
        const list = steps();
        list[list.indexOf(field) + 1]?.focus();
    });
    // Typing over a digit replaces it.
    form.addEventListener('focusin', event => {
        if (event.target.matches('input[data-paper-digit]')) {
            event.target.select();
        }
    });
    steps()[0]?.focus();
}
