// A byte count as the page's language writes it, like FileSizes on the server: "24 KB", "1.5 MB"; "24 Ko", "1,5 Mo".
function fileSize(bytes) {
    const french = document.documentElement.lang.startsWith('fr');
    const units = french ? ['o', 'Ko', 'Mo', 'Go'] : ['B', 'KB', 'MB', 'GB'];
    let unit = 0;
    let value = bytes;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    const number = new Intl.NumberFormat(french ? 'fr-FR' : 'en-GB', { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
    return number + (french ? '\u00a0' : ' ') + units[unit];
}

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

    // Folded filters (the challenge list) are unfolded where the screen has room for them; phones keep them folded.
    const wideScreen = window.matchMedia('(min-width: 992px)');
    const unfoldOnWideScreens = () => {
        if (wideScreen.matches) {
            document.querySelectorAll('details[data-open-on-wide-screens]').forEach(details => { details.open = true; });
        }
    };
    unfoldOnWideScreens();
    wideScreen.addEventListener('change', unfoldOnWideScreens);

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
    // Uploads. Files of inputs marked data-uploads-name go up first, a chunk at a time, to /uploads: after a lost
    // connection, a restart of the server or a database blip the script asks how much arrived and sends the rest (even
    // after the page is reloaded and the same file chosen again). Then the form posts, naming the uploads instead of
    // carrying the files. Other forms, and any form when the chunked upload cannot start, post the files with the
    // form, with the same progress bar. Without JavaScript the form posts as usual.
    const uploadsPath = '/uploads';
    const wait = milliseconds => new Promise(resolve => setTimeout(resolve, milliseconds));
    class UploadRefused extends Error {}
    const postWithProgress = (form, bar) => {
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
    };
    const sendInChunks = async (file, token, onProgress, onRetry) => {
        const key = 'crowdsource.upload:' + [file.name, file.size, file.lastModified].join(':');
        const headers = { 'X-CSRF-TOKEN': token };
        let upload = null;
        let received = 0;
        try { upload = JSON.parse(localStorage.getItem(key) || 'null'); } catch { upload = null; }
        if (upload) {
            const known = await fetch(uploadsPath + '/' + upload.id, { credentials: 'same-origin' }).catch(() => null);
            if (known && known.ok) {
                received = (await known.json()).received;
            } else {
                upload = null;
            }
        }
        if (!upload) {
            const started = await fetch(uploadsPath, {
                method: 'POST', credentials: 'same-origin', redirect: 'error',
                headers: { ...headers, 'Content-Type': 'application/json' },
                body: JSON.stringify({ fileName: file.name, length: file.size })
            });
            if (started.status === 400) {
                throw new UploadRefused((await started.json()).errors.join(' '));
            }
            if (started.status !== 201) {
                throw new Error('The chunked upload could not start: ' + started.status);
            }
            const answer = await started.json();
            upload = { id: answer.id, chunkBytes: answer.chunkBytes };
            try { localStorage.setItem(key, JSON.stringify(upload)); } catch { /* private browsing: no resuming after a reload */ }
        }
        let failures = 0;
        while (received < file.size) {
            onProgress(received);
            const end = Math.min(received + upload.chunkBytes, file.size);
            let answer = null;
            try {
                answer = await fetch(uploadsPath + '/' + upload.id + '?offset=' + received, {
                    method: 'PUT', credentials: 'same-origin', redirect: 'error',
                    headers: { ...headers, 'Content-Type': 'application/octet-stream' },
                    body: file.slice(received, end)
                });
            } catch {
                answer = null; // the connection was lost
            }
            if (answer && (answer.ok || answer.status === 409)) {
                received = (await answer.json()).received;
                failures = 0;
                continue;
            }
            if (answer && ![408, 429, 500, 502, 503, 504].includes(answer.status)) {
                throw new Error('The chunk was refused: ' + answer.status);
            }
            // Lost, or the site is busy or restarting: wait a little longer each time, then ask where to resume.
            failures++;
            if (failures > 40) {
                throw new Error('The upload did not resume.');
            }
            onRetry(true);
            await wait(Math.min(500 * 2 ** Math.min(failures, 5), 15000));
            const known = await fetch(uploadsPath + '/' + upload.id, { credentials: 'same-origin' }).catch(() => null);
            if (known && known.ok) {
                received = (await known.json()).received;
                onRetry(false);
            }
        }
        onProgress(received);
        return upload;
    };
    document.querySelectorAll('form[data-upload-progress]').forEach(form => {
        form.addEventListener('submit', async event => {
            const inputs = Array.from(form.querySelectorAll('input[type=file]')).filter(input => input.files.length > 0);
            if (inputs.length === 0 || !window.FormData) {
                return;
            }
            event.preventDefault();
            const box = form.querySelector('.upload-progress');
            const bar = box ? box.querySelector('progress') : null;
            const status = box ? box.querySelector('.upload-status') : null;
            const button = form.querySelector('button[type=submit]');
            if (box) box.hidden = false;
            if (button) button.disabled = true; // one click, one upload
            const token = (form.querySelector('input[name=__RequestVerificationToken]') || {}).value;
            const chunked = inputs.filter(input => input.dataset.uploadsName);
            if (chunked.length === 0 || !token || !window.fetch) {
                postWithProgress(form, bar);
                return;
            }
            const files = chunked.flatMap(input => Array.from(input.files).map(file => ({ input, file })));
            const total = files.reduce((sum, item) => sum + item.file.size, 0) || 1;
            let done = 0;
            const sent = [];
            try {
                for (const item of files) {
                    const upload = await sendInChunks(item.file, token,
                        received => { if (bar) bar.value = Math.round((done + received) * 100 / total); },
                        retrying => { if (status) status.textContent = retrying ? box.dataset.retrying : ''; });
                    done += item.file.size;
                    sent.push({ ...upload, input: item.input });
                }
            } catch (error) {
                if (error instanceof UploadRefused) {
                    if (status) status.textContent = error.message;
                    if (button) button.disabled = false;
                    return;
                }
                postWithProgress(form, bar); // the chunked way is not available: the files go with the form
                return;
            }
            sent.forEach(upload => {
                const field = document.createElement('input');
                field.type = 'hidden';
                field.name = upload.input.dataset.uploadsName;
                field.value = upload.id;
                form.append(field); // the upload stays known to this browser: if the form comes back with an error, choosing the file again sends nothing twice
            });
            chunked.forEach(input => { input.disabled = true; });
            form.submit();
        });
    });
    // File inputs with data-preview: the chosen files listed in the order they will be sent (a thumbnail for images,
    // the name and size), each with buttons to move it up or down and to remove it, and a zone to drop files on. The
    // input's own file list is rewritten to match, so the form (chunked or not) sends exactly the list shown. Choosing
    // files the input accepts clears the message a previous post left on the field.
    const accepts = (input, file) => {
        const tokens = (input.accept || '').split(',').map(token => token.trim().toLowerCase()).filter(Boolean);
        const name = file.name.toLowerCase();
        const type = (file.type || '').toLowerCase();
        return tokens.length === 0 || tokens.some(token => token.startsWith('.') ? name.endsWith(token)
            : token.endsWith('/*') ? type.startsWith(token.slice(0, -1)) : type === token);
    };
    document.querySelectorAll('input[type=file][data-preview]').forEach(input => {
        const list = document.getElementById(input.dataset.preview);
        if (!list) return;
        const editable = typeof DataTransfer === 'function';
        const text = (template, ...values) => values.reduce((result, value, index) => result.replace('{' + index + '}', value), template || '');
        const status = document.createElement('p');
        status.className = 'visually-hidden';
        status.setAttribute('role', 'status');
        list.after(status);
        let chosen = [];
        const clearStaleError = () => {
            if (!chosen.every(file => accepts(input, file))) return;
            (input.form || document).querySelectorAll('[data-valmsg-for="' + input.name + '"]').forEach(message => message.remove());
            input.classList.remove('is-invalid');
            input.removeAttribute('aria-invalid');
        };
        const sync = () => {
            if (!editable) return;
            const transfer = new DataTransfer();
            chosen.forEach(file => transfer.items.add(file));
            input.files = transfer.files;
        };
        const button = (label, symbol, action, disabled) => {
            const element = document.createElement('button');
            element.type = 'button';
            element.className = 'btn btn-sm btn-outline-secondary';
            element.setAttribute('aria-label', label);
            element.title = label;
            element.textContent = symbol;
            element.disabled = disabled;
            element.addEventListener('click', action);
            return element;
        };
        const render = focus => {
            list.replaceChildren();
            chosen.forEach((file, index) => {
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
                caption.textContent = file.name + ' · ' + fileSize(file.size);
                item.append(caption);
                if (editable) {
                    const actions = document.createElement('span');
                    actions.className = 'file-actions';
                    const move = offset => () => {
                        const [moved] = chosen.splice(index, 1);
                        chosen.splice(index + offset, 0, moved);
                        sync();
                        render({ index: index + offset, role: offset < 0 ? 'up' : 'down' });
                        status.textContent = text(list.dataset.moved, moved.name, index + offset + 1);
                    };
                    const up = button(text(list.dataset.up, file.name), '↑', move(-1), index === 0);
                    up.dataset.role = 'up';
                    const down = button(text(list.dataset.down, file.name), '↓', move(1), index === chosen.length - 1);
                    down.dataset.role = 'down';
                    const remove = button(text(list.dataset.remove, file.name), '✕', () => {
                        chosen.splice(index, 1);
                        sync();
                        render({ index: Math.min(index, chosen.length - 1), role: 'remove' });
                        status.textContent = text(list.dataset.removed, file.name);
                        if (chosen.length === 0) input.focus();
                    }, false);
                    remove.dataset.role = 'remove';
                    actions.append(up, down, remove);
                    item.append(actions);
                }
                list.append(item);
            });
            if (focus && focus.index >= 0 && list.children[focus.index]) {
                const target = list.children[focus.index].querySelector('[data-role="' + focus.role + '"]:not(:disabled)')
                    || list.children[focus.index].querySelector('[data-role="remove"]');
                if (target) target.focus();
            }
        };
        const add = files => {
            chosen = editable && input.multiple ? chosen.concat(files) : files.slice(0, input.multiple ? files.length : 1);
            sync();
            render();
            clearStaleError();
            // A new file replaces one kept from an earlier post (a logo sent ahead before the form came back).
            document.querySelectorAll('[data-kept-upload-for="' + input.id + '"], [data-kept-upload-note="' + input.id + '"]')
                .forEach(kept => kept.remove());
        };
        input.addEventListener('change', () => add(Array.from(input.files)));
        if (editable && list.dataset.drop) {
            const zone = document.createElement('div');
            zone.className = 'drop-zone';
            zone.textContent = list.dataset.drop;
            list.before(zone);
            ['dragenter', 'dragover'].forEach(kind => zone.addEventListener(kind, event => {
                event.preventDefault();
                zone.classList.add('is-over');
            }));
            ['dragleave', 'drop'].forEach(kind => zone.addEventListener(kind, () => zone.classList.remove('is-over')));
            zone.addEventListener('drop', event => {
                event.preventDefault();
                if (event.dataTransfer && event.dataTransfer.files.length > 0) add(Array.from(event.dataTransfer.files));
            });
        }
    });
})();
