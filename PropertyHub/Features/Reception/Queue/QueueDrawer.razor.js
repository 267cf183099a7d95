// Esc closes the queue's drawer (unless a list inside it is open: then Esc closes that list first).
// One listener per page, whatever the number of renders.
let attached = false;

export function closeOnEscape() {
    if (attached) return;
    attached = true;
    document.addEventListener("keydown", event => {
        if (event.key !== "Escape" || event.defaultPrevented || document.querySelector(".mud-popover-open")) return;
        document.querySelector("[data-testid=drawer-close]")?.click();
    });
}
