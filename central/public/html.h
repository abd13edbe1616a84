#pragma once
// The public pages' HTML: escaping, and the one page layout every page
// shares (GOV.UK Design System look, written here in inline CSS: no
// JavaScript, no web fonts, nothing fetched from elsewhere). Readable at
// 200% zoom and on a phone: one fluid column, type in rem, no fixed widths.
#include <string>
#include <string_view>
#include <vector>

#include "central/i18n/translator.h"

namespace oneservice::central::public_pages {

std::string escape(std::string_view text);  // & < > " '

// A link to the same page in another language.
struct LanguageLink {
  std::string language;  // "cy"
  std::string href;      // the page's path and query with lang=cy
};

struct PageParts {
  std::string title;        // the page's h1 and <title>, already translated
  std::string caption;      // optional: a line above the h1's words, inside it
  std::string main_html;    // what goes under the h1
  std::string council_name; // translated
  std::string back_link;    // optional: an href above the h1
  bool has_error = false;   // "Error: " before the title, as GOV.UK does
  std::vector<LanguageLink> other_languages;
  std::string feed_href, feed_title;  // optional Atom alternate link
};

std::string render_page(const i18n::Translator& t, const PageParts& parts);

// The path with ?lang=<language> set, other parameters kept (percent-encoded).
std::string with_language(const std::string& path,
                          const std::vector<std::pair<std::string, std::string>>& params,
                          const std::string& language);

// Percent-encodes one path segment or query value.
std::string url_encode(std::string_view text);

// One GOV.UK text field: label, hint, the error message when there is one
// (with the red bar), and the input described by both.
struct TextField {
  std::string name;        // also its id (the error summary links to it)
  std::string type = "text";
  std::string label, hint, value, error;
  std::string attributes;  // more, as written: autocomplete="email"...
};
std::string text_field(const i18n::Translator& t, const TextField& field);

// GOV.UK's error summary: "There is a problem" and a link to the field.
std::string error_summary(const i18n::Translator& t, const std::string& message, const std::string& field_id);

}  // namespace oneservice::central::public_pages
