/*! ims-matrix embed loader, message contract version 1. Plain JavaScript, no dependencies.
 *
 * <div data-ims-matrix data-brand="Acme Consulting" data-primary="#1f4e8c"></div>
 * <script src="https://tools.example/ims-matrix/embed.js" async></script>
 *
 * or, for pages that build themselves:
 *   ImsMatrix.mount(element, { brand: 'Acme', onEvent: function (event) { ... } });
 *
 * The app's address is derived from this script's own URL, so it works under any sub-path.
 * Events arrive as DOM CustomEvents `ims-matrix:<type>` on the container (detail = the message)
 * and through the `onEvent` option. Messages are accepted only from the app's origin and only
 * from this container's iframe; the app sends only to this page's origin.
 */
(function () {
  'use strict';
  if (window.ImsMatrix && window.ImsMatrix.mount) return;

  var VERSION = 1;
  var script = document.currentScript;
  var scriptUrl = script && script.src ? script.src : null;
  if (!scriptUrl) {
    var found = document.querySelector('script[src*="embed.js"]');
    scriptUrl = found ? found.src : location.href;
  }
  var appUrl = new URL('./', scriptUrl);

  // option name (JS) -> URL parameter and data- attribute (data-<param>)
  var OPTIONS = {
    brand: 'brand',
    logo: 'logo',
    primary: 'primary',
    accent: 'accent',
    ctaLabel: 'cta-label',
    ctaUrl: 'cta-url',
    contact: 'contact',
    lang: 'lang',
    edition27001: 'edition-27001',
    edition20000: 'edition-20000',
    shareSummary: 'share-summary'
  };

  function mount(element, options) {
    if (!element || element.nodeType !== 1) throw new Error('ImsMatrix.mount needs an element');
    if (element.__imsMatrix) return element.__imsMatrix;
    options = options || {};
    var url = new URL(appUrl.href);
    Object.keys(OPTIONS).forEach(function (name) {
      var value = options[name];
      if (value !== undefined && value !== null && value !== '') url.searchParams.set(OPTIONS[name], String(value));
    });
    url.searchParams.set('embed', '1');
    url.searchParams.set('origin', location.origin);

    var iframe = document.createElement('iframe');
    iframe.src = url.href;
    iframe.title = options.title || 'ISO/IEC 27001 and ISO/IEC 20000-1 integration matrix';
    iframe.setAttribute('allow', 'clipboard-write');
    iframe.style.display = 'block';
    iframe.style.width = '100%';
    iframe.style.border = '0';
    iframe.style.height = (options.initialHeight || 640) + 'px';
    iframe.style.transition = 'height 120ms ease-out';
    element.appendChild(iframe);

    var appOrigin = url.origin;
    function onMessage(event) {
      if (event.origin !== appOrigin || event.source !== iframe.contentWindow) return;
      if (typeof event.data !== 'string') return;
      var data;
      try {
        data = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      if (!data || data.source !== 'ims-matrix' || data.version !== VERSION || typeof data.type !== 'string') return;
      if (data.type === 'resized') {
        if (typeof data.height !== 'number' || !(data.height > 0)) return;
        iframe.style.height = Math.ceil(data.height) + 'px';
      }
      element.dispatchEvent(new CustomEvent('ims-matrix:' + data.type, { detail: data, bubbles: true }));
      if (typeof options.onEvent === 'function') {
        try {
          options.onEvent(data);
        } catch (error) {
          console.error('ims-matrix: onEvent failed', error);
        }
      }
    }
    window.addEventListener('message', onMessage);

    var handle = {
      iframe: iframe,
      /** Asks the app to report its height again (e.g. after the container's width changed). */
      measure: function () {
        if (iframe.contentWindow) {
          iframe.contentWindow.postMessage(JSON.stringify({ source: 'ims-matrix-host', version: VERSION, type: 'measure' }), appOrigin);
        }
      },
      destroy: function () {
        window.removeEventListener('message', onMessage);
        if (iframe.parentNode) iframe.parentNode.removeChild(iframe);
        delete element.__imsMatrix;
      }
    };
    element.__imsMatrix = handle;
    return handle;
  }

  function optionsFrom(element) {
    var options = {};
    Object.keys(OPTIONS).forEach(function (name) {
      var value = element.getAttribute('data-' + OPTIONS[name]);
      if (value !== null) options[name] = value;
    });
    var title = element.getAttribute('data-title');
    if (title) options.title = title;
    return options;
  }

  function scan() {
    var elements = document.querySelectorAll('[data-ims-matrix]');
    for (var i = 0; i < elements.length; i += 1) mount(elements[i], optionsFrom(elements[i]));
  }

  window.ImsMatrix = { version: VERSION, mount: mount };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
  else scan();
})();
