/* The public map: one marker per training centre of a certified organisation.
   Reads its settings from the map element's data attributes; Leaflet is served
   by the product (installed from npm by `make install`). */
(function () {
  "use strict";

  function escapeHtml(text) {
    var element = document.createElement("span");
    element.textContent = text == null ? "" : String(text);
    return element.innerHTML;
  }

  function popup(properties) {
    return (
      '<strong><a href="' + escapeHtml(properties.organisation_url) + '">' +
      escapeHtml(properties.organisation) + "</a></strong><br>" +
      escapeHtml(properties.title)
    );
  }

  function show(element) {
    var map = L.map(element, { scrollWheelZoom: false }).setView([20, 0], 2);
    L.tileLayer(element.dataset.tileUrl, {
      attribution: element.dataset.attribution,
      maxZoom: 18,
    }).addTo(map);
    fetch(element.dataset.geojson, { headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (collection) {
        var layer = L.geoJSON(collection, {
          onEachFeature: function (feature, marker) {
            marker.bindPopup(popup(feature.properties));
            marker.options.alt = feature.properties.organisation;
          },
        }).addTo(map);
        element.dataset.markers = String(collection.features.length);
        if (collection.features.length) {
          map.fitBounds(layer.getBounds(), { maxZoom: 6, padding: [20, 20] });
        }
      });
  }

  function start() {
    document.querySelectorAll(".qgis-map[data-geojson]").forEach(show);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
