// Progressive enhancements only: every page works without JavaScript.
(() => {
    // Remember the browser's time zone so the server shows and reads times in it (see ViewerTime). Pages show times
    // with their zone, so the first page seen keeps its (UTC) times; only a form that reads times is reloaded at once,
    // so that what is typed is read in the zone it was shown in.
    try {
        const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
        if (zone && !document.cookie.split('; ').includes('tz=' + encodeURIComponent(zone))) {
            document.cookie = 'tz=' + encodeURIComponent(zone) + '; path=/; max-age=31536000; samesite=lax';
            if (document.body.dataset.timeZone !== zone && document.querySelector('form[data-needs-time-zone]')) {
                location.reload();
            }
        }
    } catch {
        // Without Intl the server keeps UTC, and says so next to every time.
    }

    // After a failed post, bring keyboard and screen-reader users to the list of what to fix.
    const errors = document.getElementById('form-errors');
    if (errors) {
        errors.focus();
    }

    // Countdowns to a deadline: "2 d 4 h 12 min", refreshed every minute.
    const countdowns = document.querySelectorAll('[data-countdown]');
    const render = () => {
        const now = Date.now();
        countdowns.forEach(element => {
            const left = Math.max(0, Date.parse(element.dataset.countdown) - now);
            const minutes = Math.floor(left / 60000);
            const days = Math.floor(minutes / 1440);
            const hours = Math.floor((minutes % 1440) / 60);
            const parts = [];
            if (days > 0) parts.push(days + ' ' + element.dataset.unitDays);
            if (days > 0 || hours > 0) parts.push(hours + ' ' + element.dataset.unitHours);
            parts.push((minutes % 60) + ' ' + element.dataset.unitMinutes);
            element.textContent = left > 0 ? parts.join(' ') : element.dataset.ended;
        });
    };
    if (countdowns.length > 0) {
        render();
        setInterval(render, 60000);
    }
    // Uploads: show a progress bar while the file travels, then show the page the server answered with.
    // Without JavaScript (or on a network error) the form posts as usual.
    document.querySelectorAll('form[data-upload-progress]').forEach(form => {
        form.addEventListener('submit', event => {
            const input = form.querySelector('input[type=file]');
            if (!input || input.files.length === 0 || !window.FormData) {
                return;
            }
            event.preventDefault();
            const box = form.querySelector('.upload-progress');
            const bar = box ? box.querySelector('progress') : null;
            const button = form.querySelector('button[type=submit]');
            if (box) box.hidden = false;
            if (button) button.disabled = true; // one click, one upload
            const request = new XMLHttpRequest();
            request.open('POST', form.action);
            request.upload.addEventListener('progress', progress => {
                if (progress.lengthComputable && bar) {
                    bar.value = Math.round(progress.loaded * 100 / progress.total);
                }
            });
            request.addEventListener('load', () => {
                if (request.responseURL) {
                    history.replaceState(null, '', request.responseURL);
                }
                document.open();
                document.write(request.responseText);
                document.close();
            });
            request.addEventListener('error', () => form.submit());
            request.send(new FormData(form));
        });
    });
    // File inputs with data-preview: list the chosen files (name, size) with a thumbnail for images, before sending.
    document.querySelectorAll('input[type=file][data-preview]').forEach(input => {
        const list = document.getElementById(input.dataset.preview);
        if (!list) return;
        input.addEventListener('change', () => {
            list.replaceChildren();
            Array.from(input.files).forEach(file => {
                const item = document.createElement('li');
                item.className = 'file-preview';
                if (file.type.startsWith('image/')) {
                    const image = document.createElement('img');
                    image.src = URL.createObjectURL(file);
                    image.alt = '';
                    image.onload = () => URL.revokeObjectURL(image.src);
                    item.append(image);
                }
                const caption = document.createElement('span');
                caption.textContent = file.name + ' · ' + (file.size / (1024 * 1024)).toFixed(1) + ' MB';
                item.append(caption);
                list.append(item);
            });
        });
    });
})();
