// The semantics layer's DOM half: one hidden element per drawn item (a <button>, a labelled field, a
// heading, a text), placed over the item on the canvas so a screen reader's highlight lands on it,
// in visual order, kept in step with the changes app/platform/semantics_web.cpp sends (keyed by
// ImGui id, never rebuilt); the groups that hold items (dialogs, lists of choices, tables and their
// rows and cells, the risk matrix' grid) as elements around them. Also the live region for the save
// state and confirmations, and the skip link. What assistive technology does with the elements goes
// back to the app.

mergeInto(LibraryManager.library, {
  $KvhSem: {
    root: null, // #kvh-semantics: the items, in visual order
    main: null, // in root: what is not in a dialog (inert while one is open)
    groups: null, // group key -> { el, role, parent, modal } (a Map, made in init)
    top: null, // the element of the dialog on top, or null
    live: null, // the aria-live region
    skip: null,
    nodes: null, // ImGui id -> { el, role, part, x, y, w, h } (a Map, made in init)
    liveNodes: null, // ImGui id -> element in the live region
    liveTexts: null, // ImGui id -> its text as last drawn, said once it has settled (a Map)
    liveTimer: 0,
    // A status is said when it has stayed for this long: the save state passes through "waiting" and
    // "saving" at every edit, and only where it comes to rest is worth hearing, once.
    LIVE_SETTLE_MS: 1200,
    focusing: false, // the app moves the focus: the focus handler must not send it back
    field: 0, // the ImGui id of the field taking text (the text agent has the DOM focus), or 0

    TAGS: { h1: 'h1', h2: 'h2', h3: 'h3', text: 'div', button: 'button', checkbox: 'button', combobox: 'button',
            expander: 'button', textbox: 'input', textarea: 'textarea', radio: 'button', option: 'button' },
    ROLES: { checkbox: 'checkbox', radio: 'radio', option: 'option' },

    init: function () {
      KvhSem.nodes = new Map();
      KvhSem.liveNodes = new Map();
      KvhSem.liveTexts = new Map();
      KvhSem.groups = new Map();
      var skip = document.createElement('a');
      skip.id = 'kvh-skip';
      skip.href = '#kvh-semantics';
      skip.addEventListener('click', function (e) {
        e.preventDefault();
        _kvh_sem_skip();
      });
      var root = document.createElement('div');
      root.id = 'kvh-semantics';
      var main = document.createElement('div');
      main.setAttribute('data-kvh-group', '0');
      root.appendChild(main);
      var live = document.createElement('div');
      live.id = 'kvh-live';
      live.setAttribute('aria-live', 'polite');
      var first = document.body.firstChild;
      document.body.insertBefore(skip, first);
      document.body.insertBefore(root, first);
      document.body.insertBefore(live, first);
      // Tab as tabFrom has it; Enter in a field left with Esc takes it up again.
      root.addEventListener('keydown', function (e) {
        if (e.key === 'Enter' && (e.target.tagName === 'INPUT' || e.target.tagName === 'TEXTAREA')) {
          e.preventDefault();
          _kvh_sem_activate(KvhSem.idOf(e.target));
          return;
        }
        if (e.key !== 'Tab') return;
        var to = KvhSem.tabFrom(e.target, e.shiftKey ? -1 : 1);
        if (!to) return; // past the last element: the browser's own Tab
        e.preventDefault();
        to.focus({ preventScroll: true });
      });
      // Tab in a field taking text goes on in the DOM's order as it does elsewhere (to the next
      // button or field), not only from field to field, where Shift+Tab would never leave the fields.
      window.addEventListener('keydown', function (e) {
        if (e.key !== 'Tab' || e.isComposing || !e.target || e.target.id !== 'kvh-text-agent') return;
        var here = KvhSem.field && KvhSem.nodes.get(KvhSem.field);
        var to = here && KvhSem.tabFrom(here.el, e.shiftKey ? -1 : 1);
        if (!to) return; // at an end of what is drawn: the app's own Tab
        e.preventDefault();
        e.stopImmediatePropagation();
        to.focus({ preventScroll: true });
      }, true);
      // A screen reader's activation, or Enter or Space on the element with the focus.
      root.addEventListener('click', function (e) {
        var id = KvhSem.idOf(e.target);
        if (id) { e.preventDefault(); _kvh_sem_activate(id); }
      });
      // The focus moved onto an element from outside the app: ImGui's focus follows; a field takes
      // the keyboard (the text agent then has the focus: one focused element).
      root.addEventListener('focusin', function (e) {
        if (KvhSem.focusing) return;
        var id = KvhSem.idOf(e.target);
        if (!id) return;
        var n = KvhSem.nodes.get(id);
        if (n && (n.role === 'textbox' || n.role === 'textarea')) _kvh_sem_activate(id);
        else _kvh_sem_focus(id);
      });
      KvhSem.root = root;
      KvhSem.main = main;
      KvhSem.live = live;
      KvhSem.skip = skip;
    },

    // Where Tab (`step` 1) or Shift+Tab (-1) from `el` goes: the next element in visual order; past
    // the last one drawn of a part of the screen that scrolls, that part scrolls on (what lies beyond
    // is not drawn yet) and the focus goes to the next element drawn; in a dialog, round inside it.
    // Null past the ends of the page.
    tabFrom: function (el, step) {
      var list = KvhSem.tabbable(), i = list.indexOf(el);
      if (KvhSem.top && list.length && (i < 0 || !list[i + step]) && !_kvh_sem_scroll(step))
        return list[step > 0 || i < 0 ? 0 : list.length - 1];
      var here = KvhSem.nodes.get(KvhSem.idOf(el)), next = list[i + step];
      var nextNode = next && KvhSem.nodes.get(KvhSem.idOf(next));
      if (!here || (nextNode && nextNode.part === here.part) || !_kvh_sem_scroll(step)) return next || null;
      list = KvhSem.tabbable();
      i = list.indexOf(el);
      var same = list.filter(function (e) { return KvhSem.nodes.get(KvhSem.idOf(e)).part === here.part; });
      return (i >= 0 ? list[i + step] : same[step > 0 ? 0 : same.length - 1]) || null;
    },

    // The elements Tab stops at, in order (in the dialog on top, when one is open).
    tabbable: function () {
      return Array.from((KvhSem.top || KvhSem.root).querySelectorAll('[tabindex="0"]'))
        .filter(function (el) { return !el.closest('[inert]'); });
    },

    idOf: function (el) {
      var e = el && el.closest ? el.closest('[data-kvh-id]') : null;
      return e ? Number(e.getAttribute('data-kvh-id')) >>> 0 : 0;
    },

    make: function (u) {
      var el = document.createElement(KvhSem.TAGS[u.role] || 'div');
      el.setAttribute('data-kvh-id', String(u.id));
      if (el.tagName === 'BUTTON') el.type = 'button';
      if (el.tagName === 'INPUT') el.type = 'text';
      if (KvhSem.ROLES[u.role]) el.setAttribute('role', KvhSem.ROLES[u.role]);
      if (u.role === 'combobox') el.setAttribute('aria-haspopup', 'listbox');
      // Fields are reached by Tab too: focusing one gives the keyboard to its ImGui field.
      if (el.tagName !== 'DIV' && el.tagName[0] !== 'H') el.tabIndex = 0;
      return el;
    },

    // Sets attribute `name` to `value` (null: removes it), only when that changes something.
    attr: function (el, name, value) {
      if (el.getAttribute(name) === value) return;
      if (value === null) el.removeAttribute(name);
      else el.setAttribute(name, value);
    },

    // Sets what differs from `u` on node `n` (its element exists).
    update: function (n, u) {
      var el = n.el, s = el.style;
      // Scrolling moves rows up or down: only what changed is written (one style write per row).
      if (n.x !== u.x) s.left = u.x + 'px';
      if (n.y !== u.y) s.top = u.y + 'px';
      if (n.w !== u.w) s.width = u.w + 'px';
      if (n.h !== u.h) s.height = u.h + 'px';
      var name = u.label + (u.value && u.role !== 'combobox' ? ' ' + u.value : '');
      if (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') {
        // Named by its label; what is typed in it is its value.
        KvhSem.attr(el, 'aria-label', u.label);
        if (el.value !== (u.value || '')) el.value = u.value || '';
      } else {
        var shown = u.role === 'combobox' && u.value ? u.label + ': ' + u.value : name;
        if (el.textContent !== shown) el.textContent = shown;
      }
      KvhSem.attr(el, 'aria-checked', 'checked' in u ? (u.checked ? 'true' : 'false') : null);
      KvhSem.attr(el, 'aria-expanded', 'expanded' in u ? (u.expanded ? 'true' : 'false') : null);
      KvhSem.attr(el, 'aria-selected', 'selected' in u ? (u.selected ? 'true' : 'false') : null);
      KvhSem.attr(el, 'aria-current', u.current ? 'true' : null);
      KvhSem.attr(el, 'aria-disabled', u.disabled ? 'true' : null);
      n.x = u.x; n.y = u.y; n.w = u.w; n.h = u.h; n.part = u.part;
      el.kvhAt = [u.part, Math.round(u.y), u.x];
    },

    // The element that holds the items of group `key` (0: none).
    container: function (key) {
      var g = key && KvhSem.groups.get(key);
      return g ? g.el : KvhSem.main;
    },

    // A group's element: made or updated from `g`, in its parent's element.
    group: function (g) {
      var n = KvhSem.groups.get(g.key);
      if (n && n.role !== g.role) {
        var el = document.createElement('div');
        while (n.el.firstChild) el.appendChild(n.el.firstChild);
        n.el.replaceWith(el);
        n.el = el;
      }
      if (!n) {
        n = { el: document.createElement('div') };
        KvhSem.groups.set(g.key, n);
      }
      var el = n.el;
      n.role = g.role; n.modal = !!g.modal; n.parent = g.parent;
      el.setAttribute('data-kvh-group', String(g.key));
      KvhSem.attr(el, 'role', g.role);
      KvhSem.attr(el, 'aria-modal', g.modal && g.role === 'dialog' ? 'true' : null);
      KvhSem.attr(el, 'aria-sort', g.sort || null);
      // Rows and table cells are named by what they hold; a grid cell by its words (the risks drawn
      // in it are buttons inside it, each with its own name).
      if (g.role !== 'row' && g.role !== 'cell' && g.role !== 'columnheader') KvhSem.attr(el, 'aria-label', g.label || null);
      el.kvhAt = [g.part, Math.round(g.y), g.x];
      // A dialog beside the rest (which goes inert under it), anything else where it is drawn.
      var parent = g.modal && !g.parent ? KvhSem.root : KvhSem.container(g.parent);
      if (el.parentNode !== parent) parent.appendChild(el);
      return parent;
    },

    // The dialog on top takes the focus: the rest is inert until it closes.
    inertia: function () {
      var top = null;
      KvhSem.groups.forEach(function (n) {
        if (n.modal && !n.parent && (!top || top.el.compareDocumentPosition(n.el) & Node.DOCUMENT_POSITION_FOLLOWING)) top = n;
      });
      KvhSem.top = top ? top.el : null;
      var set = function (el, on) { if (el.inert !== on) el.inert = on; };
      set(KvhSem.main, !!top);
      KvhSem.groups.forEach(function (n) { if (n.modal && !n.parent) set(n.el, n !== top); });
    },

    // DOM order = visual order: part by part of the screen (side bar, content, popups), each top to
    // bottom, then left to right, within each container. Only moves what is out of place.
    reorder: function (container) {
      var list = Array.from(container.children);
      list.sort(function (a, b) {
        var p = a.kvhAt || [0, 0, 0], q = b.kvhAt || [0, 0, 0];
        return p[0] - q[0] || p[1] - q[1] || p[2] - q[2];
      });
      var at = container.firstChild;
      for (var i = 0; i < list.length; i++) {
        var el = list[i];
        if (el === at) at = at.nextSibling;
        else container.insertBefore(el, at);
      }
    },

    apply: function (d) {
      if (!KvhSem.root) KvhSem.init();
      var active = document.activeElement, moved = new Set();
      (d.groups || []).forEach(function (g) { moved.add(KvhSem.group(g)); });
      d.rm.forEach(function (id) {
        var n = KvhSem.nodes.get(id);
        if (n) { n.el.remove(); KvhSem.nodes.delete(id); }
        if (KvhSem.liveTexts.delete(id)) KvhSem.settleLive();
      });
      d.up.forEach(function (u) {
        if (u.role === 'live') {
          if (KvhSem.liveTexts.get(u.id) !== u.label) {
            KvhSem.liveTexts.set(u.id, u.label);
            KvhSem.settleLive();
          }
          return;
        }
        var n = KvhSem.nodes.get(u.id);
        if (n && n.role !== u.role) { n.el.remove(); n = null; }
        var parent = KvhSem.container(u.in);
        if (!n) {
          n = { el: KvhSem.make(u), role: u.role };
          KvhSem.nodes.set(u.id, n);
          moved.add(parent);
        } else if (Math.round(n.y) !== Math.round(u.y) || n.x !== u.x || n.part !== u.part || n.el.parentNode !== parent) {
          moved.add(parent); // its place in the visual order may have changed
        }
        KvhSem.update(n, u);
        if (n.el.parentNode !== parent) parent.appendChild(n.el);
      });
      (d.grm || []).forEach(function (key) {
        var g = KvhSem.groups.get(key);
        if (g) { g.el.remove(); KvhSem.groups.delete(key); }
      });
      moved.forEach(KvhSem.reorder);
      if (d.groups) KvhSem.inertia();
      // Moving an element in the DOM takes the focus from it: it is given back (a risk moved to
      // another cell of the matrix keeps the focus).
      if (active && active !== document.activeElement && active.isConnected && !active.closest('[inert]') &&
          KvhSem.root.contains(active)) {
        KvhSem.focusing = true;
        try { active.focus({ preventScroll: true }); } finally { KvhSem.focusing = false; }
      }
      if (d.lang) {
        KvhSem.skip.textContent = d.skip;
        document.documentElement.lang = d.lang;
      }
      if ('field' in d) KvhSem.field = d.field >>> 0;
      if (d.focus) KvhSem.follow(d.focus >>> 0);
    },

    // The live region takes what the live items say once they have not changed for a while: what
    // is new there is said, what went is taken out quietly.
    settleLive: function () {
      clearTimeout(KvhSem.liveTimer);
      KvhSem.liveTimer = setTimeout(function () {
        KvhSem.liveNodes.forEach(function (el, id) {
          if (!KvhSem.liveTexts.has(id)) { el.remove(); KvhSem.liveNodes.delete(id); }
        });
        KvhSem.liveTexts.forEach(function (text, id) {
          var el = KvhSem.liveNodes.get(id);
          if (!el) {
            el = document.createElement('div');
            KvhSem.live.appendChild(el);
            KvhSem.liveNodes.set(id, el);
          }
          if (el.textContent !== text) el.textContent = text;
        });
      }, KvhSem.LIVE_SETTLE_MS);
    },

    // ImGui's focus moved (Tab, arrows, a click, Esc out of a field): the DOM focus follows, so a
    // screen reader says where it is. The app says nothing while a field takes text (the text agent
    // has the keyboard then); a field left with Esc keeps the focus, and Enter takes it up again.
    follow: function (id) {
      var n = KvhSem.nodes.get(id);
      if (!n) return;
      var active = document.activeElement;
      if (active === n.el) return;
      KvhSem.focusing = true;
      try { n.el.focus({ preventScroll: true }); } finally { KvhSem.focusing = false; }
    },
  },

  kvh_js_semantics__deps: ['$KvhSem'],
  kvh_js_semantics: function (json) {
    KvhSem.apply(JSON.parse(UTF8ToString(json)));
  },
});
