// The JavaScript half of app/platform: DOM event listeners (pointer, wheel, keys, text agent,
// clipboard, files, page lifecycle, resize/DPR, colour scheme) that call into the wasm exports
// (kvh_* in app/platform/*_web.cpp), and the small DOM services those call back. No drawing here.

mergeInto(LibraryManager.library, {
  // [SECTION] Shared state and helpers
  $KVH: {
    canvas: null,
    queries: {}, // media query text -> its MediaQueryList, made once: read every frame, parsed never again
    media: function (q) { return KVH.queries[q] || (KVH.queries[q] = window.matchMedia(q)); },
    rect: null,
    agent: null, // the hidden <textarea> that receives typed and composed text
    fileInput: null,
    composing: false,
    sent: '', // text of the current composition already given to ImGui
    lastKeyMs: 0, // when a Backspace/Delete keydown was handled (Android may also send input)
    copyText: '',
    copyArmed: false,
    SENTINEL: ' ', // keeps the agent non-empty so Backspace on an empty field still fires input

    // Calls `f` with the strings as UTF-8 in wasm memory, freed afterwards. When there is no
    // memory for them, `f` is not called (what it would have been told is lost) and the result is 0.
    withStrings: function (strings, f) {
      var ptrs = [];
      try {
        for (var i = 0; i < strings.length; i++) {
          var n = lengthBytesUTF8(strings[i]) + 1;
          var p = _malloc(n);
          if (!p) {
            console.error('Kvalitetshjul: out of memory for ' + n + ' bytes of text');
            return 0;
          }
          ptrs.push(p);
          stringToUTF8(strings[i], p, n);
        }
        return f.apply(null, ptrs);
      } finally {
        ptrs.forEach(function (q) { _free(q); });
      }
    },

    resetAgent: function () {
      KVH.agent.value = KVH.SENTINEL;
      KVH.agent.setSelectionRange(KVH.SENTINEL.length, KVH.SENTINEL.length);
      KVH.sent = '';
    },

    // Gives ImGui the difference between what it already has of the current composition and what
    // the agent holds now: live text for Android keyboards (which compose whole words), dead keys
    // (¨ + a = ä) and IMEs, with backspaces when the keyboard corrects what it composed.
    syncAgent: function () {
      var value = KVH.agent.value;
      if (value.indexOf(KVH.SENTINEL) === 0) value = value.slice(KVH.SENTINEL.length);
      var had = Array.from(KVH.sent), now = Array.from(value), same = 0;
      while (same < had.length && same < now.length && had[same] === now[same]) same++;
      for (var i = same; i < had.length; i++) KVH.withStrings(['Backspace'], _kvh_key_tap);
      var added = now.slice(same).join('');
      if (added) KVH.withStrings([added], _kvh_text);
      KVH.sent = value;
      if (!KVH.composing) KVH.resetAgent();
    },

    // A chosen or dropped file, handed to the app as the bytes it holds: the app checks them (UTF-8,
    // NUL bytes, what the file is) exactly as `kvh validate` does. Reading it as text would replace
    // bytes that are not UTF-8 with U+FFFD and hide the damage. Larger than the app reads
    // (kvh_max_file_bytes, 64 MiB), it is refused before it is read; also when the browser cannot
    // read it or there is no memory for it. Either way the import screen says so (kvh_open_file_refused).
    readFile: function (file) {
      var name = String(file.name || '');
      var refuse = function (bytes, reason) {
        if (!KVH.withStrings([name, reason], function (n, r) { _kvh_open_file_refused(n, bytes, r); return 1; }))
          console.error('Kvalitetshjul: ' + name + ' could not be read: ' + (reason || bytes + ' bytes'));
      };
      if (file.size > _kvh_max_file_bytes()) { refuse(file.size, ''); return; }
      file.arrayBuffer().then(function (buffer) {
        var bytes = new Uint8Array(buffer);
        var p = _malloc(Math.max(bytes.length, 1)); // an empty file still gets a pointer
        if (!p) { refuse(bytes.length, 'out of memory'); return; }
        try {
          HEAPU8.set(bytes, p); // after _malloc: growing the memory replaces HEAPU8
          var opened = KVH.withStrings([name], function (n) {
            _kvh_open_file(n, p, bytes.length);
            return 1;
          });
          if (!opened) refuse(bytes.length, 'out of memory');
        } finally {
          _free(p);
        }
      }, function (e) {
        refuse(file.size, ((e && e.name) || 'Error') + (e && e.message ? ': ' + e.message : ''));
      });
    },

    // Copy outside a copy event (a button in the UI): the async API where it exists (secure
    // contexts), else the old command, which only works inside a user gesture.
    writeClipboard: function (text) {
      var fallback = function () {
        var ta = document.createElement('textarea');
        var focused = document.activeElement;
        ta.value = text;
        ta.setAttribute('readonly', '');
        ta.className = 'kvh-offscreen';
        document.body.appendChild(ta);
        ta.select();
        try { document.execCommand('copy'); } catch (e) { /* nothing more can be done */ }
        ta.remove();
        if (focused && focused.focus) focused.focus({ preventScroll: true });
      };
      if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).catch(fallback);
      else fallback();
    },

    // How the text agent asks for keyboard and spelling, per ui::FieldKind (prose, name, verbatim,
    // number, date). Prose is checked and capitalised in the UI's language; names are capitalised
    // but never "corrected"; dates take digits (the field reads 20261202 as well as 2026-12-02).
    FIELD_KINDS: [
      { spellcheck: 'true', autocorrect: 'on', autocapitalize: 'sentences', inputmode: 'text' },
      { spellcheck: 'false', autocorrect: 'off', autocapitalize: 'words', inputmode: 'text' },
      { spellcheck: 'false', autocorrect: 'off', autocapitalize: 'off', inputmode: 'text' },
      { spellcheck: 'false', autocorrect: 'off', autocapitalize: 'off', inputmode: 'numeric' },
      { spellcheck: 'false', autocorrect: 'off', autocapitalize: 'off', inputmode: 'numeric' },
    ],

    // Sets the agent up for a field of `kind` (-1: unknown, taken as verbatim).
    setAgentKind: function (kind, lang) {
      var agent = KVH.agent;
      var k = KVH.FIELD_KINDS[kind] || KVH.FIELD_KINDS[2];
      for (var name in k) agent.setAttribute(name, k[name]);
      agent.setAttribute('lang', lang);
    },

    // The on-screen keyboard shrinks the visual viewport and leaves the layout viewport (and a
    // fixed canvas) as it was, so the keyboard would cover the lower part of the app: the canvas
    // follows the visual viewport instead, and the app lays out in what is left and scrolls the
    // focused field into view. Pinch zoom (scale != 1) is left to the browser.
    fitVisualViewport: function () {
      var vv = window.visualViewport, style = KVH.canvas.style;
      if (vv && Math.abs(vv.scale - 1) < 0.01) {
        style.top = vv.offsetTop + 'px';
        style.height = vv.height + 'px';
      } else {
        style.top = style.height = '';
      }
      KVH.resize();
    },

    resize: function () {
      var canvas = KVH.canvas;
      var r = canvas.getBoundingClientRect();
      var dpr = window.devicePixelRatio || 1;
      var w = Math.max(1, Math.round(r.width * dpr)), h = Math.max(1, Math.round(r.height * dpr));
      KVH.rect = r;
      if (canvas.width !== w || canvas.height !== h) {
        canvas.width = w;
        canvas.height = h;
      }
      _kvh_resize(r.width, r.height, w, h, dpr);
    },

    // Browser zoom and moving the window to another screen change devicePixelRatio without
    // necessarily resizing the canvas: a media query for the current ratio tells us.
    watchDpr: function () {
      var mq = window.matchMedia('(resolution: ' + (window.devicePixelRatio || 1) + 'dppx)');
      mq.addEventListener('change', function () { KVH.resize(); KVH.watchDpr(); }, { once: true });
    },
  },

  // [SECTION] Set-up: every listener
  // Returns 1 under automation (navigator.webdriver: the E2E tests and tools/bench), decided once:
  // only then is window.kvhTest defined and are the test hooks on.
  kvh_js_init__deps: ['$KVH', '$KvhIdb'],
  kvh_js_init: function () {
    var automation = navigator.webdriver === true;
    var canvas = Module['canvas'] || document.getElementById('canvas');
    KVH.canvas = canvas;

    // Pointer: mouse, pen and touch alike. preventDefault on pointerdown stops the compatibility
    // mouse events (no ghost clicks) and keeps the focus where it is (the text agent).
    var kind = function (e) { return e.pointerType === 'touch' ? 1 : e.pointerType === 'pen' ? 2 : 0; };
    var send = function (type, e, button) {
      var r = KVH.rect || canvas.getBoundingClientRect();
      _kvh_pointer(type, kind(e), e.pointerId, e.clientX - r.left, e.clientY - r.top, button);
    };
    canvas.addEventListener('pointerdown', function (e) {
      e.preventDefault();
      try { canvas.setPointerCapture(e.pointerId); } catch (err) { /* pointer already gone */ }
      send(0, e, e.button);
    });
    canvas.addEventListener('pointermove', function (e) {
      // A second mouse button pressed or released while another is held only sends pointermove.
      if (e.button >= 0 && e.pointerType !== 'touch') send((e.buttons & (1 << e.button)) ? 0 : 2, e, e.button);
      else send(1, e, 0);
    });
    canvas.addEventListener('pointerup', function (e) {
      e.preventDefault();
      send(2, e, e.button);
    });
    canvas.addEventListener('pointercancel', function (e) { send(3, e, 0); });
    canvas.addEventListener('pointerleave', function (e) { if (e.pointerType !== 'touch') send(4, e, 0); });
    canvas.addEventListener('contextmenu', function (e) { e.preventDefault(); });

    // Wheel in ImGui's steps: 100 px, 3 lines or 1/80 page per step. Ctrl+wheel stays the
    // browser's zoom (and trackpad pinch), which the DPR watcher follows.
    canvas.addEventListener('wheel', function (e) {
      if (e.ctrlKey) return;
      e.preventDefault();
      var k = e.deltaMode === 1 ? 1 / 3 : e.deltaMode === 2 ? 80 : 1 / 100;
      _kvh_wheel(-e.deltaX * k, -e.deltaY * k);
    }, { passive: false });

    // Keys. Characters come through the text agent's input event only (never twice); IME and
    // Android keyboards (keyCode 229) are entirely the agent's business.
    var mods = function (e) { return (e.ctrlKey ? 1 : 0) | (e.shiftKey ? 2 : 0) | (e.altKey ? 4 : 0) | (e.metaKey ? 8 : 0); };
    window.addEventListener('keydown', function (e) {
      if (e.isComposing || e.keyCode === 229) return;
      // Outside a text field, Tab is the browser's: it moves through the semantics layer's elements
      // (web/lib_semantics.js) in visual order, the skip link first, and Enter and Space press the
      // one that has the focus. In a field, Tab goes on to the next field as ImGui has it (leaving
      // the field there is what reads a date typed in another spelling).
      var semantic = e.target && e.target.closest && e.target.closest('#kvh-semantics, #kvh-skip');
      if (e.key === 'Tab' && e.target !== KVH.agent) return;
      if (semantic && (e.key === 'Enter' || e.key === ' ')) return;
      if (e.key === 'Backspace' || e.key === 'Delete') KVH.lastKeyMs = performance.now();
      if (KVH.withStrings([e.key || '', e.code || ''], function (k, c) { return _kvh_key(k, c, 1, mods(e)); }))
        e.preventDefault();
    });
    window.addEventListener('keyup', function (e) {
      KVH.withStrings([e.key || '', e.code || ''], function (k, c) { return _kvh_key(k, c, 0, mods(e)); });
    });
    window.addEventListener('blur', function () { _kvh_focus(0); });
    window.addEventListener('focus', function () { _kvh_focus(1); });

    // [SECTION] The text agent
    var agent = document.createElement('textarea');
    agent.id = 'kvh-text-agent';
    agent.setAttribute('autocomplete', 'off');
    agent.setAttribute('aria-hidden', 'true');
    agent.tabIndex = -1;
    document.body.appendChild(agent);
    KVH.agent = agent;
    KVH.setAgentKind(-1, document.documentElement.lang || 'sv');
    KVH.resetAgent();
    agent.addEventListener('compositionstart', function () { KVH.composing = true; });
    agent.addEventListener('compositionend', function () {
      KVH.composing = false;
      KVH.syncAgent();
    });
    agent.addEventListener('input', function (e) {
      var type = e.inputType || '';
      if (!KVH.composing && type.indexOf('delete') === 0) {
        // An on-screen Backspace (no usable keydown) removed the sentinel; a hardware one was
        // already given to ImGui by keydown.
        if (performance.now() - KVH.lastKeyMs > 100)
          KVH.withStrings([type === 'deleteContentForward' ? 'Delete' : 'Backspace'], _kvh_key_tap);
        KVH.resetAgent();
        return;
      }
      KVH.syncAgent();
    });

    // [SECTION] Clipboard
    window.addEventListener('paste', function (e) {
      var text = e.clipboardData && e.clipboardData.getData('text/plain');
      e.preventDefault();
      if (text) KVH.withStrings([text], _kvh_paste);
    });
    var onCopy = function (e) {
      if (!KVH.copyArmed || !e.clipboardData) return;
      e.clipboardData.setData('text/plain', KVH.copyText);
      e.preventDefault();
    };
    window.addEventListener('copy', onCopy);
    window.addEventListener('cut', onCopy);

    // [SECTION] Files: picker and drag-and-drop
    var input = document.createElement('input');
    input.type = 'file';
    input.accept = '.json,application/json';
    input.className = 'kvh-offscreen';
    input.tabIndex = -1;
    input.setAttribute('aria-hidden', 'true'); // the app's Importera button is what people use
    input.addEventListener('change', function () {
      if (input.files && input.files[0]) KVH.readFile(input.files[0]);
      input.value = '';
    });
    document.body.appendChild(input);
    KVH.fileInput = input;
    window.addEventListener('dragover', function (e) {
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    });
    window.addEventListener('drop', function (e) {
      e.preventDefault();
      var files = e.dataTransfer ? e.dataTransfer.files : [];
      for (var i = 0; i < files.length; i++) KVH.readFile(files[i]);
    });

    // [SECTION] Page lifecycle: start writes before the page may be frozen or discarded
    // Writes still unfinished then also go to the leaving journal (web/lib_idb.js): a page that is
    // gone has its unfinished transactions aborted.
    document.addEventListener('visibilitychange', function () {
      if (document.visibilityState === 'hidden') {
        _kvh_flush();
        KvhIdb.journal();
      } else {
        _kvh_request_frames(3);
      }
    });
    window.addEventListener('pagehide', function () {
      _kvh_flush();
      KvhIdb.journal();
    });
    window.addEventListener('beforeunload', function (e) {
      _kvh_flush();
      if (_kvh_pending_saves() > 0) {
        e.preventDefault();
        e.returnValue = '';
        return '';
      }
    });

    // [SECTION] Size, devicePixelRatio, colour scheme
    if (window.ResizeObserver) new ResizeObserver(function () { KVH.resize(); }).observe(canvas);
    window.addEventListener('resize', function () { KVH.resize(); });
    if (window.visualViewport) {
      window.visualViewport.addEventListener('resize', KVH.fitVisualViewport);
      window.visualViewport.addEventListener('scroll', KVH.fitVisualViewport);
    }
    KVH.watchDpr();
    ['(prefers-color-scheme: dark)', '(prefers-contrast: more)'].forEach(function (q) {
      KVH.media(q).addEventListener('change', function () { _kvh_request_frames(3); });
    });
    KVH.resize();

    // [SECTION] E2E test hook, under automation only
    if (!automation) return 0;
    window.kvhTest = {
      items: function () { return JSON.parse(UTF8ToString(_kvh_test_items())); },
      // The windows whose content is cut off at the right or scrolls sideways (none wanted).
      cutOff: function () { return JSON.parse(UTF8ToString(_kvh_test_cut_off())); },
      workspace: function () { return UTF8ToString(_kvh_test_workspace()); },
      frames: function () { return _kvh_test_frames() >>> 0; },
      pendingSaves: function () { return _kvh_pending_saves(); },
      // How often the semantics layer sent changes to the DOM (web/lib_semantics.js).
      semanticsUpdates: function () { return _kvh_sem_updates() >>> 0; },
      // Ms spent on it in all frames so far: finding what changed and the DOM's work.
      semanticsMs: function () { return _kvh_sem_ms(); },
      inputQueued: function () { return _kvh_test_input_queued(); },
      badRecords: function () { return _kvh_test_bad_records(); },
      // How often every stored document was read (the first load, other tabs' writes, taking over).
      storeReads: function () { return _kvh_test_store_reads() >>> 0; },
      ready: function () { return _kvh_test_ready() !== 0; },
      // Milliseconds from navigation start to the first frame drawn with the workspace loaded.
      firstFrameMs: function () { return KVH.firstFrameMs; },
      // The last frame's cost in ms: {build} the UI on the CPU, {total} including GL submission.
      frameMs: function () { return { build: _kvh_test_frame_build_ms(), total: _kvh_test_frame_total_ms() }; },
      // One edit saved at once (tools/bench). Resolves with {handoff}: ms for the edit, its
      // serialisation and the start of the IndexedDB write, and {durable}: ms until the write completed.
      timeSave: function () {
        return new Promise(function (resolve) {
          var t0 = performance.now();
          if (!_kvh_test_edit_and_flush()) { resolve(null); return; }
          var handoff = performance.now() - t0;
          var channel = new MessageChannel(); // polls without setTimeout's 4 ms clamp
          channel.port1.onmessage = function () {
            if (_kvh_pending_saves() === 0) resolve({ handoff: handoff, durable: performance.now() - t0 });
            else channel.port2.postMessage(0);
          };
          channel.port2.postMessage(0);
        });
      },
      // Figures for tools/bench (app/platform/test_hook_web.cpp).
      // Build ms (CPU, without GL) of every frame drawn since the last call, oldest first.
      takeFrameLog: function () { return JSON.parse(UTF8ToString(_kvh_test_take_frame_log())); },
      // Bytes of wasm heap in use (mallinfo), and what the heap has grown to.
      heapUsed: function () { return _kvh_test_heap_used(); },
      heapSize: function () { return HEAPU8.length; },
      // One keystroke (`text` appended) in the description of risk `index` of analysis `docId`, through
      // the UI's edit path; ms of CPU, or -1 when refused.
      keystroke: function (docId, index, text) {
        return KVH.withStrings([docId, text], function (d, t) { return _kvh_test_keystroke(d, index, t); });
      },
      // One score change of risk `index` (its own undo step); ms of CPU, or -1 when refused.
      setScore: function (docId, index, s, k, residual) {
        return KVH.withStrings([docId], function (d) { return _kvh_test_set_score(d, index, s, k, residual ? 1 : 0); });
      },
      // Hands every pending edit to the store now (as on page hide).
      flush: function () { _kvh_flush(); },
      // Asks for `count` frames, as a change in the app does.
      requestFrames: function (count) { _kvh_request_frames(count); },
      // A bare nlohmann::json::parse of `text` in this build: {parse, free} in ms, ok.
      parseMs: function (text) {
        var size = lengthBytesUTF8(text);
        return KVH.withStrings([text], function (p) { return JSON.parse(UTF8ToString(_kvh_test_parse_ms(p, size))); });
      },
    };
    return 1;
  },

  // [SECTION] Services called from C++
  kvh_js_ready__deps: ['$KVH'],
  kvh_js_ready: function () {
    KVH.firstFrameMs = performance.now();
    document.documentElement.classList.add('kvh-ready');
  },

  kvh_js_fail: function (what) {
    if (typeof window.kvhFail === 'function') window.kvhFail(UTF8ToString(what));
  },

  kvh_js_warn: function (text) {
    console.warn(UTF8ToString(text));
  },

  // Shows or hides the on-screen keyboard. Called right after a frame; after a tap this is still
  // inside the pointerup handler, which is what lets mobile browsers open the keyboard.
  kvh_js_text_agent__deps: ['$KVH'],
  // `kind` and `lang` say what the field takes (KVH.FIELD_KINDS) and in which language; `name` is the
  // field's, which the agent carries while it has the keyboard (it is the field to a screen reader).
  kvh_js_text_agent: function (want, x, y, lineHeight, kind, lang, name) {
    var agent = KVH.agent;
    if (want) {
      agent.setAttribute('aria-label', UTF8ToString(name));
      agent.removeAttribute('aria-hidden');
      var r = KVH.rect || KVH.canvas.getBoundingClientRect();
      agent.style.left = r.left + x + 'px';
      agent.style.top = r.top + y + 'px';
      agent.style.height = Math.max(lineHeight, 1) + 'px';
      KVH.setAgentKind(kind, UTF8ToString(lang));
      if (document.activeElement !== agent) {
        KVH.composing = false;
        agent.focus({ preventScroll: true });
        KVH.resetAgent();
      }
    } else {
      agent.setAttribute('aria-hidden', 'true');
      if (document.activeElement === agent) agent.blur();
    }
  },

  kvh_js_set_clipboard__deps: ['$KVH'],
  kvh_js_set_clipboard: function (ptr) {
    var text = UTF8ToString(ptr);
    // Ctrl+C/X: the browser's copy event follows this keydown handler and takes the text from us,
    // which needs no permission in any browser.
    KVH.copyText = text;
    KVH.copyArmed = true;
    setTimeout(function () { KVH.copyArmed = false; }, 0);
    KVH.writeClipboard(text);
  },

  kvh_js_set_cursor__deps: ['$KVH'],
  kvh_js_set_cursor: function (cursor) {
    var names = ['default', 'text', 'move', 'ns-resize', 'ew-resize', 'nesw-resize', 'nwse-resize', 'pointer', 'not-allowed'];
    KVH.canvas.style.cursor = cursor < 0 ? 'none' : names[cursor] || 'default';
  },

  kvh_js_is_apple: function () {
    return /Mac|iPhone|iPad|iPod/.test(navigator.platform || navigator.userAgent) ? 1 : 0;
  },

  kvh_js_prefers_dark__deps: ['$KVH'],
  kvh_js_prefers_dark: function () {
    return KVH.media('(prefers-color-scheme: dark)').matches ? 1 : 0;
  },

  // 1 when the person's settings match the media query (prefers-contrast, prefers-reduced-motion).
  kvh_js_prefers__deps: ['$KVH'],
  kvh_js_prefers: function (query) {
    return KVH.media(UTF8ToString(query)).matches ? 1 : 0;
  },

  kvh_js_download: function (name, mime, bytes, size) {
    var blob = new Blob([HEAPU8.slice(bytes, bytes + size)], { type: UTF8ToString(mime) });
    var url = URL.createObjectURL(blob);
    var a = document.createElement('a');
    a.href = url;
    a.download = UTF8ToString(name);
    a.className = 'kvh-offscreen';
    document.body.appendChild(a);
    a.click();
    a.remove();
    // Revoked later, not at once: some browsers start reading the blob after click() returns.
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  },

  // A printable report in a window of its own, with the print dialog offered once it has loaded.
  // Runs inside the user's gesture (the button click is processed in pointerup/keydown), so the
  // window is not blocked. The report has no scripts; printing is started from here.
  kvh_js_open_printable: function (html, size) {
    var blob = new Blob([HEAPU8.slice(html, html + size)], { type: 'text/html;charset=utf-8' });
    var url = URL.createObjectURL(blob);
    var w = window.open(url, '_blank');
    if (!w) { URL.revokeObjectURL(url); return 0; }
    w.addEventListener('load', function () {
      if (navigator.webdriver !== true) w.print(); // under automation print() would wait for a dialog
    });
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
    return 1;
  },

  // The libraries are data beside the app (assets/), read at start so a new template needs no new
  // build. A missing or unreadable file arrives as ""; the UI then says the library is missing.
  // `which` is the app's Asset, handed back with the text.
  kvh_js_fetch_asset: function (path, which) {
    fetch(UTF8ToString(path), { cache: 'no-cache' })
      .then(function (r) { return r.ok ? r.text() : ''; })
      .catch(function () { return ''; })
      .then(function (text) {
        var n = lengthBytesUTF8(text) + 1;
        var p = _malloc(n);
        if (!p) return;
        stringToUTF8(text, p, n);
        _kvh_asset(which, p);
        _free(p);
      });
  },

  // Must run inside the user's gesture: the UI's button click is processed in pointerup/keydown.
  kvh_js_pick_file__deps: ['$KVH'],
  kvh_js_pick_file: function () {
    KVH.fileInput.click();
  },
});
