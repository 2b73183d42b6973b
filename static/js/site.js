// Small progressive enhancements; every page works without this file.
document.addEventListener("DOMContentLoaded", () => {
  // Submit the language form as soon as a language is chosen, for mouse users;
  // keyboard users keep the explicit button.
  const select = document.getElementById("language-select");
  if (select) select.addEventListener("change", () => select.form.submit());

  // After a server-side error, start at the summary of what to fix (it has tabindex="-1").
  const summary = document.querySelector("[data-error-summary]");
  if (summary && document.activeElement !== summary) summary.focus();
});

// Copy buttons (the calendar-feed page): shown only where the clipboard can be written.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-copy]").forEach((button) => {
    if (!navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", async () => {
      const field = document.getElementById(button.dataset.copy);
      const status = document.getElementById(button.dataset.copy + "-status");
      try {
        await navigator.clipboard.writeText(field.value);
        if (status) status.textContent = button.dataset.copied;
      } catch (error) {
        field.select();
      }
    });
  });
});
