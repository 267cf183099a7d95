// Opens the intake page on the shortcut key from any page; on the intake page it puts the cursor back in the caller search.
let listener;

export function register(dotnet, key, path) {
    unregister();
    listener = event => {
        if (event.key !== key || event.ctrlKey || event.altKey || event.metaKey || event.shiftKey) {
            return;
        }
        event.preventDefault();
        const search = document.querySelector('input[data-testid="intake-caller-search"]');
        if (location.pathname === path && search) {
            search.focus();
            search.select();
            return;
        }
        dotnet.invokeMethodAsync('Open');
    };
    document.addEventListener('keydown', listener, true);
    // Tells the page (and browser tests) the shortcut is live.
    document.documentElement.dataset.intakeShortcut = key;
}

export function unregister() {
    if (listener) {
        document.removeEventListener('keydown', listener, true);
        listener = undefined;
        delete document.documentElement.dataset.intakeShortcut;
    }
}
