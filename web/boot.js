// Starts Kvalitetshjul: checks that the browser can run it, calls createKvh (kvh.js, built with
// MODULARIZE), registers the service worker, and replaces the loading line with a clear message
// when something fails. Everything else happens in the wasm module.
(function () {
  'use strict';

  var MESSAGES = {
    webgl2: ['Kvalitetshjul kan inte starta: webbläsaren har inte stöd för WebGL 2, eller så är ' +
             'hårdvaruacceleration avstängd. Använd en aktuell version av Chrome, Edge, Firefox eller ' +
             'Safari, eller slå på hårdvaruacceleration i webbläsarens inställningar.',
             'Kvalitetshjul cannot start: this browser has no WebGL 2, or hardware acceleration is off.'],
    wasm: ['Kvalitetshjul kan inte starta: webbläsaren har inte stöd för WebAssembly. ' +
           'Använd en aktuell version av Chrome, Edge, Firefox eller Safari.',
           'Kvalitetshjul cannot start: this browser has no WebAssembly.'],
    load: ['Kvalitetshjul kunde inte laddas. Ladda om sidan. Om felet finns kvar: kontrollera att alla ' +
           'filer (kvh.js, kvh.wasm) finns på samma plats som den här sidan.',
           'Kvalitetshjul could not be loaded. Reload the page.'],
  };

  // Shown in HTML instead of the canvas; also called by the wasm module (kvh_js_fail).
  function fail(what) {
    var text = MESSAGES[what] || MESSAGES.load;
    var status = document.getElementById('status');
    status.textContent = text[0];
    var en = document.createElement('span');
    en.lang = 'en';
    en.textContent = text[1];
    status.appendChild(document.createElement('br'));
    status.appendChild(en);
    // The accessibility statement stays within reach when the app cannot start.
    [['tillganglighet.html', 'Tillgänglighetsredogörelse', 'sv'], ['accessibility.html', 'Accessibility statement', 'en']]
      .forEach(function (l) {
        var a = document.createElement('a');
        a.href = l[0];
        a.textContent = l[1];
        a.lang = l[2];
        status.appendChild(document.createElement('br'));
        status.appendChild(a);
      });
    status.setAttribute('role', 'alert');
    document.documentElement.classList.add('kvh-failed');
  }
  window.kvhFail = fail;

  // Probed on a throwaway canvas: the real one must get its context from the module, with its
  // own attributes (a second getContext would silently return the first context).
  function hasWebGL2() {
    var gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return false;
    var lose = gl.getExtension('WEBGL_lose_context');
    if (lose) lose.loseContext();
    return true;
  }

  if (typeof WebAssembly !== 'object') return fail('wasm');
  if (!hasWebGL2()) return fail('webgl2');
  if (typeof window.createKvh !== 'function') return fail('load');
  window.createKvh({
    canvas: document.getElementById('canvas'),
    onAbort: function () { fail('load'); },
  }).catch(function () { fail('load'); });

  // Offline use on https (and localhost). Not under automation, so E2E runs never meet a worker.
  var local = location.hostname === 'localhost' || location.hostname === '127.0.0.1';
  if ('serviceWorker' in navigator && (location.protocol === 'https:' || local) && !navigator.webdriver) {
    window.addEventListener('load', function () {
      navigator.serviceWorker.register('sw.js').catch(function () { /* the app works without it */ });
    });
  }
})();
