// Ticks every countdown on the page in the browser. Each element carries its deadline, warning and critical
// times (epoch ms) and the server's clock at render (data-now): the offset server − browser is measured when an
// element (or a new render of it) is first seen, so a wrong browser clock does not matter.
// Format and bands match CountdownClock.cs.
const selector = "[data-testid=countdown][data-due]";
const maxHoursBeforeDays = 72;
let timer = 0;

export function start() {
    if (timer) return;
    tick();
    timer = setInterval(tick, 250);
}

function pad(n) { return n < 10 ? "0" + n : String(n); }

function hms(seconds) {
    return pad(Math.floor(seconds / 3600)) + ":" + pad(Math.floor(seconds / 60) % 60) + ":" + pad(seconds % 60);
}

function format(ms, daysPattern) {
    const seconds = Math.floor(Math.abs(ms) / 1000);
    if (seconds > maxHoursBeforeDays * 3600)
        return daysPattern.replace("{0}", String(Math.floor(seconds / 86400))).replace("{1}", hms(seconds % 86400));
    return hms(seconds);
}

function band(now, due, warn, critical) {
    if (now > due) return "overdue";
    if (now >= critical) return "critical";
    return warn !== null && now >= warn ? "warning" : "normal";
}

function tick() {
    const browserNow = Date.now();
    for (const el of document.querySelectorAll(selector)) {
        const serverNow = Number(el.dataset.now);
        if (el._phServerNow !== serverNow) {
            el._phServerNow = serverNow;
            el._phOffset = serverNow - browserNow;
        }
        const now = browserNow + el._phOffset;
        const due = Number(el.dataset.due);
        const warn = el.dataset.warn ? Number(el.dataset.warn) : null;
        const current = band(now, due, warn, Number(el.dataset.critical));
        const text = now > due
            ? el.dataset.overdue.replace("{0}", format(now - due, el.dataset.days))
            : format(due - now, el.dataset.days);
        // Change the text node Blazor rendered rather than replacing it, so later renders still find it.
        const node = el.firstChild;
        if (node && node.nodeType === Node.TEXT_NODE) {
            if (node.nodeValue !== text) node.nodeValue = text;
        } else if (el.textContent !== text) {
            el.textContent = text;
        }
        if (el.dataset.band !== current) {
            el.classList.remove("countdown-" + el.dataset.band);
            el.classList.add("countdown-" + current);
            el.dataset.band = current;
        }
    }
    tickClocks(browserNow);
}

// Wall clocks ([data-clock]): the estate's local time, from the server's clock at render and the estate's UTC
// offset then (data-offset, minutes), ticking in the browser like the countdowns.
function tickClocks(browserNow) {
    for (const el of document.querySelectorAll("[data-clock][data-now]")) {
        const serverNow = Number(el.dataset.now);
        if (el._phServerNow !== serverNow) {
            el._phServerNow = serverNow;
            el._phOffset = serverNow - browserNow;
        }
        const local = new Date(browserNow + el._phOffset + Number(el.dataset.offset) * 60000);
        const text = pad(local.getUTCHours()) + ":" + pad(local.getUTCMinutes()) + ":" + pad(local.getUTCSeconds());
        if (el.textContent !== text) el.textContent = text;
    }
}
