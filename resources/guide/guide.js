// Guide page behaviour, shared by the viewer (guide: scheme) and the static HTML export:
// code highlighting with the bundled highlight.js, a copy button on every code block, the section
// at the top of the viewport (for bookmarks) and theme switching. Nothing here touches the network.
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

  // highlight.js is large (850 kB): it is loaded after the page has painted and its load event has
  // fired, and blocks are highlighted as they scroll into view, so that opening a page stays fast.
  function highlightLater() {
    var blocks = document.querySelectorAll('pre > code');
    for (var i = 0; i < blocks.length; ++i) {
      var lang = languageOf(blocks[i]);
      if (lang) blocks[i].parentNode.setAttribute('data-lang', lang);
    }
    if (!blocks.length) return;
    var me = document.querySelector('script[src$="guide.js"]');
    var script = document.createElement('script');
    script.src = me ? me.getAttribute('src').replace(/guide\.js$/, 'highlight.min.js') : 'highlight.min.js';
    script.async = true;
    script.onload = function () {
      if (!('IntersectionObserver' in window)) {
        for (var j = 0; j < blocks.length; ++j) highlightBlock(blocks[j]);
        return;
      }
      var observer = new IntersectionObserver(function (entries) {
        entries.forEach(function (entry) {
          if (!entry.isIntersecting) return;
          observer.unobserve(entry.target);
          highlightBlock(entry.target);
        });
      }, { rootMargin: '600px 0px' });
      for (var k = 0; k < blocks.length; ++k) observer.observe(blocks[k]);
    };
    document.body.appendChild(script);
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
  if (document.readyState === 'complete') setTimeout(highlightLater, 0);
  else window.addEventListener('load', function () { setTimeout(highlightLater, 0); });
})();
