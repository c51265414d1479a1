// ssrm serve: drag-and-drop upload and role detection. Served as a file of
// its own (the page's policy allows no inline script); every text from a
// file or the server is set with textContent, never as markup.
"use strict";
(function () {
  const form = document.getElementById("form");
  if (!form) return;
  const input = document.getElementById("files");
  const drop = document.getElementById("drop");
  const table = document.getElementById("roles");
  const tbody = table.querySelector("tbody");
  const status = document.getElementById("status");
  const clear = document.getElementById("clear");
  const submit = document.getElementById("submit");
  const csrf = form.elements["csrf"].value;
  let files = [];
  let seq = 0;

  function sync() {
    const dt = new DataTransfer();
    files.forEach((f) => dt.items.add(f));
    input.files = dt.files;
    clear.hidden = files.length === 0;
  }

  function add(list) {
    for (const f of Array.from(list)) {
      if (!files.some((g) => g.name === f.name && g.size === f.size && g.lastModified === f.lastModified)) {
        files.push(f);
      }
    }
    sync();
    detect();
  }

  function option(sel, value, label) {
    const o = document.createElement("option");
    o.value = value;
    o.textContent = label;
    sel.appendChild(o);
  }

  function rows() {
    tbody.textContent = "";
    table.hidden = files.length === 0;
    return files.map((f) => {
      const tr = document.createElement("tr");
      const name = document.createElement("td");
      name.textContent = f.name;
      const what = document.createElement("td");
      what.textContent = "reading…";
      const role = document.createElement("td");
      const sel = document.createElement("select");
      sel.name = "role";
      option(sel, "auto", "detect");
      option(sel, "questionnaire", "questionnaire");
      option(sel, "agreement", "agreement");
      option(sel, "assurance", "assurance report");
      option(sel, "ignore", "ignore");
      role.appendChild(sel);
      tr.append(name, what, role);
      tbody.appendChild(tr);
      return { what, sel };
    });
  }

  async function detect() {
    const my = ++seq;
    const cells = rows();
    if (files.length === 0) return;
    const fd = new FormData();
    fd.append("csrf", csrf);
    fd.append("service_model", form.elements["service_model"].value);
    files.forEach((f) => fd.append("files", f, f.name));
    status.textContent = "";
    try {
      const r = await fetch("/detect", { method: "POST", body: fd, credentials: "same-origin", headers: { "Accept": "application/json", "X-CSRF-Token": csrf } });
      const j = await r.json();
      if (my !== seq) return;
      if (!r.ok) {
        cells.forEach((c) => { c.what.textContent = "not read"; });
        status.textContent = j.error || ("error " + r.status);
        return;
      }
      j.files.forEach((d, i) => {
        const c = cells[i];
        if (!c) return;
        if (d.error) {
          c.what.textContent = d.error;
          c.what.className = "bad";
          c.sel.value = "ignore";
        } else {
          c.what.textContent = d.role + " (" + d.detail + ")";
          c.sel.value = d.role;
        }
      });
      table.dataset.detected = String(j.files.length);
    } catch (e) {
      if (my === seq) status.textContent = "could not read the files: " + e;
    }
  }

  input.addEventListener("change", () => {
    const picked = Array.from(input.files);
    add(picked);
  });
  clear.addEventListener("click", () => {
    files = [];
    sync();
    detect();
  });
  ["dragenter", "dragover"].forEach((t) => drop.addEventListener(t, (e) => {
    e.preventDefault();
    drop.classList.add("over");
  }));
  ["dragleave", "drop"].forEach((t) => drop.addEventListener(t, (e) => {
    e.preventDefault();
    drop.classList.remove("over");
  }));
  drop.addEventListener("drop", (e) => {
    if (e.dataTransfer && e.dataTransfer.files.length) add(e.dataTransfer.files);
  });
  form.addEventListener("submit", () => {
    status.textContent = "Analysing…";
    setTimeout(() => { submit.disabled = true; }, 0);
  });
})();
