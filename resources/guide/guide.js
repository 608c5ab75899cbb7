// Guide page behaviour, shared by the viewer (guide: scheme) and the static HTML export:
// code highlighting with the bundled highlight.js, a copy button on every code block, the section
// at the top of the viewport (for bookmarks), theme switching and, in the viewer, "ready" (see
// reportReady). Nothing here touches the network.
(function () {
  'use strict';

  function languageOf(code) {
    var m = /(?:^|\s)language-([\w+-]+)/.exec(code.className || '');
    return m ? m[1] : '';
  }

  function highlightBlock(code) {
    var lang = languageOf(code);
    if (lang && lang !== 'text' && window.hljs && window.hljs.getLanguage(lang)) {
      code.classList.add(lang);
      try { window.hljs.highlightBlock(code); } catch (e) { /* leave the block plain */ }
    } else {
      code.classList.add('nohighlight');
    }
  }

  // highlight.js (cut down to the guide's languages, ~45 kB) is a plain script before this one. Blocks
  // are highlighted as they come near the viewport, so that a page with 60 code blocks opens as fast as
  // one without. `done` runs once the blocks in and near the first viewport are highlighted.
  function highlightVisible(done) {
    var blocks = document.querySelectorAll('pre > code');
    for (var i = 0; i < blocks.length; ++i) {
      var lang = languageOf(blocks[i]);
      if (lang) blocks[i].parentNode.setAttribute('data-lang', lang);
    }
    if (!blocks.length || !window.hljs) { done(); return; }
    if (window.hljs.configure) window.hljs.configure({ hideUpgradeWarningAcceptNoSupportOrSecurityUpdates: true });
    if (!('IntersectionObserver' in window)) {
      for (var j = 0; j < blocks.length; ++j) highlightBlock(blocks[j]);
      done();
      return;
    }
    var first = true;
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting) return;
        observer.unobserve(entry.target);
        highlightBlock(entry.target);
      });
      if (first) { first = false; done(); }
    }, { rootMargin: '400px 0px' });
    for (var k = 0; k < blocks.length; ++k) observer.observe(blocks[k]);
  }

  // In the viewer, tell it when the page is ready: loaded, highlighted near the viewport and painted
  // (the task after the next animation frame runs once that frame is out). The viewer's
  // GuideWebPage takes this console line from the page's own scripts, which its CSP limits to the
  // bundled ones.
  function reportReady() {
    if (location.protocol !== 'guide:' || !window.console) return;
    requestAnimationFrame(function () {
      setTimeout(function () { console.info('lda:ready'); }, 0);
    });
  }

  function copyText(text, done) {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(text, done); });
    } else {
      fallbackCopy(text, done);
    }
  }

  function fallbackCopy(text, done) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    try { document.execCommand('copy'); done(); } catch (e) { /* nothing to do */ }
    document.body.removeChild(area);
  }

  function addCopyButtons() {
    var pres = document.querySelectorAll('pre');
    for (var i = 0; i < pres.length; ++i) {
      (function (pre) {
        var button = document.createElement('button');
        button.type = 'button';
        button.className = 'lda-copy';
        button.textContent = 'Copy';
        button.title = 'Copy this code to the clipboard';
        button.addEventListener('click', function () {
          var code = pre.querySelector('code');
          copyText((code || pre).innerText, function () {
            button.textContent = 'Copied';
            setTimeout(function () { button.textContent = 'Copy'; }, 1500);
          });
        });
        pre.appendChild(button);
      })(pres[i]);
    }
  }

  // The last heading at or above the top of the viewport: the section being read, as {id, title}.
  window.ldaCurrentSection = function () {
    var headings = document.querySelectorAll('h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]');
    var current = null;
    for (var i = 0; i < headings.length; ++i) {
      if (headings[i].getBoundingClientRect().top <= 40) current = headings[i];
      else break;
    }
    if (!current || window.scrollY < 8) return { id: '', title: '' };
    var anchor = current.querySelector('.lda-anchor');
    var title = current.textContent;
    if (anchor) title = title.slice(0, title.length - anchor.textContent.length);
    return { id: current.id, title: title.trim() };
  };

  window.ldaSetTheme = function (dark) {
    document.documentElement.className = dark ? 'dark' : 'light';
  };

  addCopyButtons();
  var pending = 2; // highlighted near the viewport, and the load event
  function settle() { if (--pending === 0) reportReady(); }
  highlightVisible(settle);
  if (document.readyState === 'complete') settle();
  else window.addEventListener('load', settle);
  // Back/forward may bring the page back from the cache without running this script again.
  window.addEventListener('pageshow', function (event) { if (event.persisted) reportReady(); });
})();
