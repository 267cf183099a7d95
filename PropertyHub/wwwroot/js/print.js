// Print buttons: any element with data-print opens the browser's print dialog, once per click.
// One delegated listener for the whole document, so pages rendered later (enhanced navigation,
// interactive renders) need nothing of their own and the page's CSP needs no inline handlers.
document.addEventListener("click", event => {
    const button = event.target instanceof Element ? event.target.closest("[data-print]") : null;
    if (!button) {
        return;
    }
    event.preventDefault();
    window.print();
});
