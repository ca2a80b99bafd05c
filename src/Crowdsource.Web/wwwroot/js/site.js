// Progressive enhancements only: every page works without JavaScript.
(() => {
    // After a failed post, bring keyboard and screen-reader users to the list of what to fix.
    const errors = document.getElementById('form-errors');
    if (errors) {
        errors.focus();
    }
})();
