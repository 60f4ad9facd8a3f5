// The semantics layer's DOM half: one hidden element per drawn item (a <button>, a labelled field, a
// heading, a text), placed over the item on the canvas so a screen reader's highlight lands on it,
// in visual order, kept in step with the changes app/platform/semantics_web.cpp sends (keyed by
// ImGui id, never rebuilt). Also the live region for the save state and confirmations, and the
// skip link. What assistive technology does with the elements goes back to the app.

mergeInto(LibraryManager.library, {
  $KvhSem: {
    root: null, // #kvh-semantics: the items, in visual order
    live: null, // the aria-live region
    skip: null,
    nodes: null, // ImGui id -> { el, role, part, x, y, w, h } (a Map, made in init)
    liveNodes: null, // ImGui id -> element in the live region
    focusing: false, // the app moves the focus: the focus handler must not send it back

    TAGS: { h1: 'h1', h2: 'h2', text: 'div', button: 'button', checkbox: 'button', combobox: 'button',
            expander: 'button', textbox: 'input', textarea: 'textarea' },

    init: function () {
      KvhSem.nodes = new Map();
      KvhSem.liveNodes = new Map();
      var skip = document.createElement('a');
      skip.id = 'kvh-skip';
      skip.href = '#kvh-semantics';
      skip.addEventListener('click', function (e) {
        e.preventDefault();
        _kvh_sem_skip();
      });
      var root = document.createElement('div');
      root.id = 'kvh-semantics';
      var live = document.createElement('div');
      live.id = 'kvh-live';
      live.setAttribute('aria-live', 'polite');
      var first = document.body.firstChild;
      document.body.insertBefore(skip, first);
      document.body.insertBefore(root, first);
      document.body.insertBefore(live, first);
      // Tab beyond the last element of a part of the screen that scrolls: what lies beyond is not
      // drawn yet, so the part scrolls on and the focus goes to the next element drawn.
      root.addEventListener('keydown', function (e) {
        if (e.key !== 'Tab') return;
        var list = KvhSem.tabbable(), i = list.indexOf(e.target), step = e.shiftKey ? -1 : 1;
        var here = KvhSem.nodes.get(KvhSem.idOf(e.target)), next = list[i + step];
        var nextNode = next && KvhSem.nodes.get(KvhSem.idOf(next));
        if (!here || (nextNode && nextNode.part === here.part) || !_kvh_sem_scroll(step)) return;
        e.preventDefault();
        list = KvhSem.tabbable();
        i = list.indexOf(e.target);
        var same = list.filter(function (el) { return KvhSem.nodes.get(KvhSem.idOf(el)).part === here.part; });
        var to = i >= 0 ? list[i + step] : same[step > 0 ? 0 : same.length - 1];
        if (to) to.focus({ preventScroll: true });
      });
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
      KvhSem.live = live;
      KvhSem.skip = skip;
    },

    // The elements Tab stops at, in order.
    tabbable: function () {
      return Array.from(KvhSem.root.querySelectorAll('[tabindex="0"]'));
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
      if (u.role === 'checkbox') el.setAttribute('role', 'checkbox');
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
        KvhSem.attr(el, 'aria-label', name);
      } else {
        var shown = u.role === 'combobox' && u.value ? u.label + ': ' + u.value : name;
        if (el.textContent !== shown) el.textContent = shown;
      }
      KvhSem.attr(el, 'aria-checked', 'checked' in u ? (u.checked ? 'true' : 'false') : null);
      KvhSem.attr(el, 'aria-expanded', 'expanded' in u ? (u.expanded ? 'true' : 'false') : null);
      KvhSem.attr(el, 'aria-disabled', u.disabled ? 'true' : null);
      n.x = u.x; n.y = u.y; n.w = u.w; n.h = u.h; n.part = u.part;
    },

    // DOM order = visual order: part by part of the screen (side bar, content, popups), each top to
    // bottom, then left to right. Only moves what is out of place.
    reorder: function () {
      var list = Array.from(KvhSem.nodes.values());
      list.sort(function (a, b) { return a.part - b.part || Math.round(a.y) - Math.round(b.y) || a.x - b.x; });
      var at = KvhSem.root.firstChild;
      for (var i = 0; i < list.length; i++) {
        var el = list[i].el;
        if (el === at) at = at.nextSibling;
        else KvhSem.root.insertBefore(el, at);
      }
    },

    apply: function (d) {
      if (!KvhSem.root) KvhSem.init();
      var moved = false;
      d.rm.forEach(function (id) {
        var n = KvhSem.nodes.get(id);
        if (n) { n.el.remove(); KvhSem.nodes.delete(id); }
        var l = KvhSem.liveNodes.get(id);
        if (l) { l.remove(); KvhSem.liveNodes.delete(id); }
      });
      d.up.forEach(function (u) {
        if (u.role === 'live') {
          var l = KvhSem.liveNodes.get(u.id);
          if (!l) {
            l = document.createElement('div');
            KvhSem.live.appendChild(l);
            KvhSem.liveNodes.set(u.id, l);
          }
          if (l.textContent !== u.label) l.textContent = u.label;
          return;
        }
        var n = KvhSem.nodes.get(u.id);
        if (n && n.role !== u.role) { n.el.remove(); n = null; }
        if (!n) {
          n = { el: KvhSem.make(u), role: u.role };
          KvhSem.nodes.set(u.id, n);
          moved = true;
        } else if (Math.round(n.y) !== Math.round(u.y) || n.x !== u.x || n.part !== u.part) {
          moved = true; // its place in the visual order may have changed
        }
        KvhSem.update(n, u);
      });
      if (moved) KvhSem.reorder();
      if (d.lang) {
        KvhSem.skip.textContent = d.skip;
        document.documentElement.lang = d.lang;
      }
      if (d.focus) KvhSem.follow(d.focus >>> 0);
    },

    // ImGui's focus moved (Tab, arrows, a click): the DOM focus follows, so a screen reader says
    // where it is. Not onto a field (the text agent takes the keyboard there) and not away from
    // the text agent while it has it.
    follow: function (id) {
      var n = KvhSem.nodes.get(id);
      if (!n || n.role === 'textbox' || n.role === 'textarea') return;
      var active = document.activeElement;
      if (active && active.id === 'kvh-text-agent') return;
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
