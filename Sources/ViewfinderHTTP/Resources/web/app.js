// Viewfinder web UI: plain JavaScript, no build step. Talks to the REST API under /api/v1.
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const PAGE = 60;
  const state = { params: new URLSearchParams(), offset: 0, done: false, loading: false, image: null, current: null };

  async function api(path, options = {}) {
    const response = await fetch("/api/v1" + path, Object.assign({ credentials: "same-origin" }, options));
    if (response.status === 401 && path !== "/session") { showLogin(); throw new Error("authentication required"); }
    if (!response.ok) {
      let message = response.statusText;
      try { message = (await response.json()).error || message; } catch (_) {}
      throw new Error(message);
    }
    return response;
  }

  function message(text, isError) {
    $("message").textContent = text || "";
    $("message").classList.toggle("error", !!isError);
  }

  // The URL carries the search, so a link like /?q=red runs on load and the back button works.
  function paramsFromUI() {
    const params = new URLSearchParams();
    const q = $("q").value.trim();
    if (q) params.set("q", q);
    if ($("f-year").value) params.set("year", $("f-year").value);
    if ($("f-camera").value.trim()) params.set("camera", $("f-camera").value.trim());
    if ($("f-album").value) params.set("album", $("f-album").value);
    if ($("f-favorite").getAttribute("aria-pressed") === "true") params.set("favorite", "true");
    if ($("f-geo").getAttribute("aria-pressed") === "true") params.set("geo", "true");
    const similar = state.params.get("similar");
    if (similar && !q) params.set("similar", similar);
    return params;
  }

  function uiFromParams(params) {
    $("q").value = params.get("q") || "";
    $("f-year").value = params.get("year") || "";
    $("f-camera").value = params.get("camera") || "";
    $("f-album").value = params.get("album") || "";
    $("f-favorite").setAttribute("aria-pressed", params.get("favorite") === "true" ? "true" : "false");
    $("f-geo").setAttribute("aria-pressed", params.get("geo") === "true" ? "true" : "false");
  }

  function run(params, push) {
    state.params = params;
    state.offset = 0;
    state.done = false;
    state.image = null;
    $("grid").replaceChildren();
    if (push) history.pushState(null, "", params.toString() ? "/?" + params.toString() : "/");
    loadMore();
  }

  function query(offset) {
    const params = new URLSearchParams(state.params);
    const similar = params.get("similar");
    params.delete("similar");
    params.set("count", String(PAGE));
    params.set("offset", String(offset));
    const qs = "?" + params.toString().replace(/\+/g, "%20");
    return similar ? "/photos/" + encodeURIComponent(similar) + "/similar" + qs : "/photos" + qs;
  }

  async function loadMore() {
    if (state.loading || state.done) return;
    state.loading = true;
    message(state.offset === 0 ? "Searching…" : "");
    try {
      let response;
      if (state.image) {
        const form = new FormData();
        form.append("file", state.image);
        response = await api("/search/image?count=" + PAGE + "&offset=" + state.offset, { method: "POST", body: form });
      } else {
        response = await api(query(state.offset));
      }
      const photos = await response.json();
      const notices = response.headers.get("X-Notices");
      photos.forEach(addTile);
      state.offset += photos.length;
      state.done = photos.length < PAGE || !!state.image;
      if ($("grid").children.length === 0) {
        const semantic = state.image || state.params.get("q") || state.params.get("similar");
        message(notices || (semantic ? "No photo matches well enough. Try other words or fewer filters." : "No photos yet. Index your library to get started."));
      } else {
        message(notices || "");
      }
    } catch (error) {
      message(error.message === "authentication required" ? "Log in to see your photos." : "Search failed: " + error.message, !$("login").open);
      state.done = true;
    } finally {
      state.loading = false;
    }
  }

  function addTile(photo) {
    const item = document.createElement("li");
    const tile = document.createElement("button");
    tile.type = "button";
    tile.className = "tile";
    tile.dataset.uid = photo.uid;
    tile.dataset.path = photo.path;
    const label = photo.title || photo.fileName;
    tile.setAttribute("aria-label", label + (photo.score != null ? ", score " + photo.score.toFixed(3) : ""));
    const img = document.createElement("img");
    img.loading = "lazy";
    img.alt = label;
    img.src = photo.thumbs.fit_256;
    tile.appendChild(img);
    if (photo.score != null) {
      const score = document.createElement("span");
      score.className = "score";
      score.textContent = photo.score.toFixed(3);
      tile.title = label + " — score " + photo.score.toFixed(3);
      tile.appendChild(score);
    } else {
      tile.title = label;
    }
    if (photo.favorite) {
      const fav = document.createElement("span");
      fav.className = "fav";
      fav.textContent = "★";
      tile.appendChild(fav);
    }
    tile.addEventListener("click", () => openViewer(photo.uid));
    item.appendChild(tile);
    $("grid").appendChild(item);
  }

  async function openViewer(uid) {
    try {
      const photo = await (await api("/photos/" + encodeURIComponent(uid))).json();
      state.current = photo;
      $("viewer-image").src = photo.thumbs.fit_720;
      $("viewer-image").alt = photo.title || photo.fileName;
      $("viewer-title").textContent = photo.title || photo.fileName;
      $("viewer-download").href = photo.download;
      setFavorite(photo.favorite);
      const rows = [
        ["File", photo.path], ["Size", photo.width + " × " + photo.height + ", " + Math.round(photo.size / 1024) + " KB"],
        ["Taken", photo.takenAt], ["Camera", [photo.cameraMake, photo.cameraModel].filter(Boolean).join(" ")],
        ["Lens", photo.lens], ["Exposure", [photo.exposure && photo.exposure + " s", photo.fNumber && "f/" + photo.fNumber, photo.iso && "ISO " + photo.iso, photo.focalLength && photo.focalLength + " mm"].filter(Boolean).join(", ")],
        ["Location", photo.lat != null ? photo.lat.toFixed(5) + ", " + photo.lng.toFixed(5) : ""],
        ["Description", photo.description], ["Keywords", (photo.keywords || []).join(", ")], ["Type", photo.mime],
      ];
      const list = $("viewer-meta");
      list.replaceChildren();
      for (const [key, value] of rows) {
        if (!value) continue;
        const dt = document.createElement("dt"); dt.textContent = key;
        const dd = document.createElement("dd"); dd.textContent = value;
        list.append(dt, dd);
      }
      $("viewer").showModal();
    } catch (error) {
      message("Cannot open the photo: " + error.message, true);
    }
  }

  function setFavorite(on) {
    $("viewer-favorite").setAttribute("aria-pressed", on ? "true" : "false");
    $("viewer-favorite").textContent = on ? "★ Favorite" : "☆ Favorite";
  }

  $("viewer-favorite").addEventListener("click", async () => {
    const photo = state.current;
    if (!photo) return;
    try {
      const updated = await (await api("/photos/" + photo.uid, {
        method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ favorite: !photo.favorite }),
      })).json();
      state.current = updated;
      setFavorite(updated.favorite);
    } catch (error) { message("Cannot change the photo: " + error.message, true); }
  });

  $("viewer-similar").addEventListener("click", () => {
    const photo = state.current;
    if (!photo) return;
    $("viewer").close();
    $("q").value = "";
    const params = new URLSearchParams();
    params.set("similar", photo.uid);
    state.params = params;
    uiFromParams(params);
    run(params, true);
  });

  function searchImage(file) {
    if (!file || !file.type.startsWith("image/")) { message("That is not a picture.", true); return; }
    state.params = new URLSearchParams();
    state.offset = 0;
    state.done = false;
    state.image = file;
    $("grid").replaceChildren();
    loadMore();
  }

  $("file").addEventListener("change", (event) => searchImage(event.target.files[0]));
  let dragDepth = 0;
  window.addEventListener("dragenter", (event) => { event.preventDefault(); dragDepth++; $("drop").hidden = false; });
  window.addEventListener("dragleave", () => { if (--dragDepth <= 0) { dragDepth = 0; $("drop").hidden = true; } });
  window.addEventListener("dragover", (event) => event.preventDefault());
  window.addEventListener("drop", (event) => {
    event.preventDefault();
    dragDepth = 0;
    $("drop").hidden = true;
    searchImage(event.dataTransfer.files[0]);
  });

  $("search").addEventListener("submit", (event) => { event.preventDefault(); state.params.delete("similar"); run(paramsFromUI(), true); });
  for (const id of ["f-year", "f-camera", "f-album"]) $(id).addEventListener("change", () => run(paramsFromUI(), true));
  for (const id of ["f-favorite", "f-geo"]) {
    $(id).addEventListener("click", () => {
      $(id).setAttribute("aria-pressed", $(id).getAttribute("aria-pressed") === "true" ? "false" : "true");
      run(paramsFromUI(), true);
    });
  }
  $("help-toggle").addEventListener("click", () => {
    const open = $("help").hidden;
    $("help").hidden = !open;
    $("help-toggle").setAttribute("aria-expanded", open ? "true" : "false");
  });
  window.addEventListener("popstate", () => {
    const params = new URLSearchParams(location.search);
    uiFromParams(params);
    run(params, false);
  });

  new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) loadMore();
  }, { rootMargin: "600px" }).observe($("sentinel"));

  async function refreshIndexing() {
    try {
      const status = await (await api("/index")).json();
      const busy = status.state !== "idle";
      let text = "Indexing: " + status.state;
      if (busy) text += " — " + status.done + " of " + status.queued + (status.failed ? ", " + status.failed + " failed" : "");
      else if (status.lastError) text += " (last run: " + status.lastError + ")";
      $("indexing-text").textContent = text;
      $("indexing-progress").hidden = !busy || !status.queued;
      $("indexing-progress").value = status.queued ? status.done / status.queued : 0;
      $("index-start").disabled = busy;
      setTimeout(refreshIndexing, busy ? 2000 : 15000);
    } catch (_) { /* the login dialog or the message line already says why */ }
  }
  $("index-start").addEventListener("click", async () => {
    try { await api("/index", { method: "POST" }); } catch (error) { message("Cannot start indexing: " + error.message, true); }
    refreshIndexing();
  });

  async function loadAlbums() {
    try {
      const albums = await (await api("/albums")).json();
      for (const album of albums) {
        const option = document.createElement("option");
        option.value = album.uid;
        option.textContent = album.title + " (" + album.photoCount + ")";
        $("f-album").appendChild(option);
      }
    } catch (_) {}
  }

  // The search fields come from the server's table (GET /search/fields), so the help and the suggestions offered
  // while typing `key:value` terms always match what the parser accepts.
  const fields = { list: [], byName: new Map() };
  async function loadFields() {
    try {
      fields.list = await (await api("/search/fields")).json();
      for (const field of fields.list) for (const name of [field.name, ...field.aliases]) fields.byName.set(name, field);
      const help = $("help-fields");
      help.replaceChildren();
      for (const field of fields.list) {
        const dt = document.createElement("dt");
        const code = document.createElement("code");
        code.textContent = [field.name, ...field.aliases].join(", ");
        dt.appendChild(code);
        const dd = document.createElement("dd");
        dd.textContent = field.help + " — e.g. " + field.name + ":" + field.example;
        help.append(dt, dd);
      }
    } catch (_) { /* the login dialog or the message line already says why */ }
  }

  // Suggests `name:` for a field name being typed as the last word, and the values of a bool or choice field after it.
  function suggestFields() {
    const text = $("q").value;
    const start = text.search(/\S*$/);
    const head = text.slice(0, start);
    const word = text.slice(start).toLowerCase();
    const options = [];
    const colon = word.indexOf(":");
    if (colon < 0 && /^[a-z_]+$/.test(word)) {
      for (const name of fields.byName.keys()) if (name.startsWith(word)) options.push(head + name + ":");
    } else if (colon > 0) {
      const field = fields.byName.get(word.slice(0, colon));
      const values = !field ? [] : field.kind === "bool" ? ["true", "false"] : field.values || [field.example];
      for (const value of values) options.push(head + word.slice(0, colon + 1) + value);
    }
    $("field-suggestions").replaceChildren(...options.slice(0, 20).map((value) => {
      const option = document.createElement("option");
      option.value = value;
      return option;
    }));
  }
  $("q").addEventListener("input", suggestFields);

  function showLogin() {
    if (!$("login").open) $("login").showModal();
  }
  $("login-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      await api("/session", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ password: $("password").value }) });
      location.reload();
    } catch (error) { $("login-error").textContent = error.message; }
  });

  const initial = new URLSearchParams(location.search);
  uiFromParams(initial);
  loadAlbums().then(() => { $("f-album").value = initial.get("album") || ""; });
  run(initial, false);
  loadFields();
  refreshIndexing();
})();
