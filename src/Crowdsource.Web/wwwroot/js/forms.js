// Forms that help, as progressive enhancements: every form works without JavaScript, and the server checks again.
(() => {
    const language = document.documentElement.lang || undefined;
    const format = (template, value) => template.replace('{0}', value);

    // Live totals on the challenge form: the criteria weights and the prize pool, as the brand types. The totals are
    // aria-live regions, so a screen reader hears the new total.
    const weightsTotal = document.querySelector('[data-weights-total]');
    if (weightsTotal) {
        const weights = Array.from(document.querySelectorAll('[data-criterion-weight]'));
        const renderWeights = () => {
            const sum = weights.reduce((total, input) => total + (parseInt(input.value, 10) || 0), 0);
            weightsTotal.textContent = format(weightsTotal.dataset.format, sum.toLocaleString(language));
        };
        weights.forEach(input => input.addEventListener('input', renderWeights));
    }
    // An amount as the pages write it (PrizeWording on the server): the currency's sign, cents only when there are some.
    const money = (amount, code) => {
        const digits = Number.isInteger(amount) ? 0 : 2;
        try {
            return amount.toLocaleString(language, { style: 'currency', currency: code, minimumFractionDigits: digits, maximumFractionDigits: digits })
                .replace(/ /g, '\u00a0');
        } catch (unknownCurrency) {
            return amount.toLocaleString(language, { minimumFractionDigits: digits, maximumFractionDigits: digits }) + '\u00a0' + code;
        }
    };
    const prizeTotal = document.querySelector('[data-prize-total]');
    if (prizeTotal) {
        const amounts = Array.from(document.querySelectorAll('[data-prize-amount]'));
        const currency = document.querySelector('[data-prize-currency]');
        const renderPrizes = () => {
            const sum = amounts.reduce((total, input) => {
                const amount = parseFloat(input.value);
                return total + (amount > 0 ? amount : 0);
            }, 0);
            prizeTotal.textContent = format(prizeTotal.dataset.format, money(sum, currency ? currency.value : 'EUR'));
        };
        amounts.forEach(input => input.addEventListener('input', renderPrizes));
        if (currency) currency.addEventListener('change', renderPrizes);
    }

    // Markdown preview of the brief: the server renders it with the challenge page's sanitising renderer.
    document.querySelectorAll('[data-brief-preview]').forEach(box => {
        const source = document.getElementById(box.dataset.source);
        const form = source ? source.form : null;
        const button = box.querySelector('button');
        const pane = box.querySelector('.brief-preview-pane');
        const target = pane ? pane.querySelector('.brief') : null;
        if (!source || !form || !button || !target || !window.fetch) return;
        box.hidden = false;
        button.addEventListener('click', async () => {
            pane.hidden = false;
            if (!source.value.trim()) {
                target.textContent = box.dataset.empty;
                return;
            }
            const body = new FormData();
            body.append('Input.Brief', source.value);
            const token = form.querySelector('input[name=__RequestVerificationToken]');
            if (token) body.append('__RequestVerificationToken', token.value);
            try {
                const answer = await fetch(box.dataset.url, { method: 'POST', body, credentials: 'same-origin', redirect: 'error' });
                if (!answer.ok) throw new Error(String(answer.status));
                // Sanitised on the server by the same renderer as the challenge page.
                target.innerHTML = await answer.text();
            } catch {
                target.textContent = box.dataset.failed;
            }
        });
    });

    // A slug suggested from the brand name as it is typed, by the server's one rule, until the person edits the slug.
    document.querySelectorAll('input[data-slug-url]').forEach(name => {
        const slug = document.getElementById(name.dataset.slugTarget);
        if (!slug || !window.fetch) return;
        let suggested = slug.value === '';
        let latest = 0;
        slug.addEventListener('input', () => { suggested = slug.value === ''; });
        name.addEventListener('input', async () => {
            if (!suggested) return;
            const asked = ++latest;
            const url = name.dataset.slugUrl + (name.dataset.slugUrl.includes('?') ? '&' : '?') + 'name=' + encodeURIComponent(name.value);
            try {
                const answer = await fetch(url, { credentials: 'same-origin' });
                if (!answer.ok || asked !== latest || !suggested) return;
                slug.value = (await answer.json()).slug;
            } catch {
                // The server still suggests one when the slug is left blank.
            }
        });
    });
})();
