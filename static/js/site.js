// Small progressive enhancements; every page works without this file.
document.addEventListener("DOMContentLoaded", () => {
  // Submit the language form as soon as a language is chosen, for mouse users;
  // keyboard users keep the explicit button.
  const select = document.getElementById("language-select");
  if (select) select.addEventListener("change", () => select.form.submit());
});
