// Kiosk buttons: data-fullscreen puts the page in full screen (browsers allow it only from a click),
// data-leave-fullscreen leaves it. Delegated listeners, so the page's CSP needs no inline handlers.
document.addEventListener("click", event => {
    const target = event.target instanceof Element ? event.target : null;
    if (target?.closest("[data-fullscreen]") && !document.fullscreenElement) {
        document.documentElement.requestFullscreen?.().catch(() => { /* refused by the browser: the page still works */ });
    } else if (target?.closest("[data-leave-fullscreen]") && document.fullscreenElement) {
        document.exitFullscreen?.().catch(() => { });
    }
});
