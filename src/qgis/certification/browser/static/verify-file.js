// The verification page's file check: drop a PDF on the form, or choose one,
// and it is sent at once. Without this script the file input and its button work.
(function () {
  "use strict";
  const form = document.querySelector("form.verify-file-drop");
  if (!form) {
    return;
  }
  const input = form.querySelector("input[type=file]");
  const hint = form.querySelector(".verify-file-hint");
  if (hint) {
    hint.hidden = false;
  }
  const send = function () {
    if (input.files.length) {
      form.requestSubmit(form.querySelector("button[type=submit]"));
    }
  };
  input.addEventListener("change", send);
  ["dragenter", "dragover"].forEach(function (name) {
    form.addEventListener(name, function (event) {
      event.preventDefault();
      form.classList.add("border", "border-primary");
    });
  });
  form.addEventListener("dragleave", function () {
    form.classList.remove("border", "border-primary");
  });
  form.addEventListener("drop", function (event) {
    event.preventDefault();
    form.classList.remove("border", "border-primary");
    if (event.dataTransfer && event.dataTransfer.files.length) {
      input.files = event.dataTransfer.files;
      send();
    }
  });
})();
