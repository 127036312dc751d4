/* TinyMCE as Plone configures it, made accessible: a TinyMCE plugin the
 * profile's registry loads (plone.custom_plugins, registry/tinymce.xml).
 *
 * - The editing frame is named after its field (TinyMCE 8 names the frame only
 *   in Firefox; axe-core's "frame-title").
 * - Plone's "Insert image" button shows "Insert image" but is named by its
 *   tooltip "Insert/edit image": its name now holds what it shows
 *   ("label-content-name-mismatch").
 * - TinyMCE's Romanian words left empty (the "Format" menu among them, a
 *   menu button without a name) are given; a translation the language pack
 *   has is never replaced.
 *
 * The resize handle, a focusable separator without a value, is left out by
 * the registry (plone.resizing off, plone.autoresize on instead).
 */
(function () {
  "use strict";

  const EMPTY_IN_PACKS = {
    ro: {
      "#": "#",
      Accordion: "Acordeon",
      "Accordion body...": "Conținutul acordeonului...",
      "Accordion summary...": "Rezumatul acordeonului...",
      "Alignment {0}": "Aliniere {0}",
      B: "B",
      "Background color {0}": "Culoare de fundal {0}",
      "Block {0}": "Bloc {0}",
      "Blue component": "Componenta albastră",
      "Browse files": "Răsfoiți fișierele",
      "Browse links": "Răsfoiți legăturile",
      "Cell styles": "Stiluri de celulă",
      "Column clipboard actions": "Acțiuni de clipboard pentru coloane",
      "Column header": "Antet de coloană",
      "Could not load emojis": "Emoji-urile nu au putut fi încărcate",
      Dashed: "Întreruptă",
      "Delete accordion": "Ștergeți acordeonul",
      Dotted: "Punctată",
      Double: "Dublă",
      "Dropped file type is not supported": "Tipul fișierului adus nu este acceptat",
      Emojis: "Emoji",
      "Emojis...": "Emoji...",
      "Font size {0}": "Dimensiunea fontului {0}",
      "Font {0}": "Font {0}",
      Footer: "Subsol",
      Format: "Formatare",
      "Format {0}": "Formatare {0}",
      G: "G",
      "Green component": "Componenta verde",
      Groove: "Canelată",
      Header: "Antet",
      "Hex color code": "Cod hexazecimal al culorii",
      "ImageProxy HTTP error: Could not find Image Proxy":
        "Eroare HTTP ImageProxy: proxy-ul de imagini nu a fost găsit",
      "ImageProxy HTTP error: Incorrect Image Proxy URL":
        "Eroare HTTP ImageProxy: adresa proxy-ului de imagini este greșită",
      "ImageProxy HTTP error: Rejected request": "Eroare HTTP ImageProxy: cerere respinsă",
      "ImageProxy HTTP error: Unknown ImageProxy error":
        "Eroare HTTP ImageProxy: eroare necunoscută",
      "Insert Template": "Inserare șablon",
      "Insert accordion": "Inserare acordeon",
      Inset: "Adâncită",
      "Invalid hex color code: {0}": "Cod hexazecimal al culorii nevalid: {0}",
      "Invalid input": "Valoare nevalidă",
      "Loading emojis...": "Se încarcă emoji-urile...",
      Outset: "În relief",
      "Press {0} for help": "Apăsați {0} pentru ajutor",
      R: "R",
      "Range 0 to 255": "Între 0 și 255",
      "Red component": "Componenta roșie",
      "Reveal or hide additional toolbar items": "Afișați sau ascundeți butoanele suplimentare",
      "Rich Text Area": "Zonă de text formatat",
      Ridge: "Creastă",
      "Row header": "Antet de rând",
      Solid: "Continuă",
      "Table caption": "Titlul tabelului",
      "Table styles": "Stiluri de tabel",
      Text: "Text",
      "Text color {0}": "Culoarea textului {0}",
      "Toggle accordion": "Deschideți sau închideți acordeonul",
      Valid: "Valid",
      "Vertical align": "Aliniere verticală",
    },
  };

  const I18n = tinymce.util.I18n;

  /* The language pack is loaded before TinyMCE loads this plugin: fill in
   * only what it left empty. */
  function fillEmptyWords() {
    const packs = I18n.getData();
    for (const [code, words] of Object.entries(EMPTY_IN_PACKS)) {
      const pack = packs[code];
      if (!pack) continue;
      const missing = {};
      for (const [english, translated] of Object.entries(words)) {
        const current = pack[english] ?? pack[english.toLowerCase()];
        if (current === "" || current === undefined) missing[english] = translated;
      }
      tinymce.addI18n(code, missing);
    }
  }

  function fieldName(editor) {
    const label = document.querySelector(`label[for="${editor.id}"]`);
    const text = label ? label.textContent.replace(/\s+/g, " ").trim() : "";
    return text || editor.translate("Rich Text Area");
  }

  fillEmptyWords();

  tinymce.PluginManager.add("qgisaccessible", (editor) => {
    editor.options.set("iframe_attrs", {
      ...editor.options.get("iframe_attrs"),
      title: fieldName(editor),
    });
    const image = editor.ui.registry.getAll().buttons.ploneimage;
    if (image && image.text) {
      editor.ui.registry.addButton("ploneimage", { ...image, tooltip: image.text });
    }
  });
})();
