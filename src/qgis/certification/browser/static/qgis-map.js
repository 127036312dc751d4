/* The public map: one marker per training centre of a certified organisation.
   Reads its settings from the map element's data attributes; Leaflet, the
   country outlines and topojson-client are served by the product (installed
   from npm by `make install`). When the background tiles cannot be loaded
   (offline, a blocked tile server), the countries' outlines stand in for them. */
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

  // Country outlines (Natural Earth, 1:110m, served with the product) under
  // the markers while the tiles cannot be loaded, with the page's note shown.
  var OUTLINE_STYLE = {
    color: "#7d8c6e",
    weight: 1,
    fillColor: "#f4f1e8",
    fillOpacity: 1,
    className: "qgis-outline",
  };
  // tiles that answer nothing at all count as failed after this long
  var TILE_PATIENCE_MS = 8000;

  function outlines(map, element) {
    var note = document.getElementById(element.dataset.note);
    var state = { layer: null, tilesLoaded: false };
    state.show = function () {
      if (state.tilesLoaded || element.dataset.background === "outlines") {
        return;
      }
      element.dataset.background = "outlines";
      fetch(element.dataset.outlines)
        .then(function (response) { return response.json(); })
        .then(function (world) {
          if (state.tilesLoaded) { return; }
          var countries = topojson.feature(world, world.objects.countries);
          state.layer = L.geoJSON(countries, { interactive: false, style: OUTLINE_STYLE });
          state.layer.addTo(map).bringToBack();
          element.classList.add("qgis-map-outlines");
          if (note) { note.hidden = false; }
        });
    };
    state.tileLoaded = function () {
      state.tilesLoaded = true;
      element.dataset.background = "tiles";
      element.classList.remove("qgis-map-outlines");
      if (state.layer) { map.removeLayer(state.layer); }
      if (note) { note.hidden = true; }
    };
    return state;
  }

  function show(element) {
    var map = L.map(element, { scrollWheelZoom: false }).setView([20, 0], 2);
    var background = outlines(map, element);
    L.tileLayer(element.dataset.tileUrl, {
      attribution: element.dataset.attribution,
      maxZoom: 18,
    })
      .on("tileload", background.tileLoaded)
      .on("tileerror", background.show)
      .addTo(map);
    window.setTimeout(background.show, TILE_PATIENCE_MS);
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
