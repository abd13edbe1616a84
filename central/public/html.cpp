#include "central/public/html.h"

#include "shared/wording.h"

namespace oneservice::central::public_pages {
namespace {

// GOV.UK Design System's colours and spacing, written small: text #0b0c0c,
// links #1d70b8, focus #ffdd00 with a black underline, buttons #00703c,
// errors #d4351c. Sizes in rem so the browser's text size and zoom scale
// everything; one column that wraps, so 200% zoom never scrolls sideways.
constexpr std::string_view kStyle = R"css(
*,*::before,*::after{box-sizing:border-box}
html{font-size:100%;-webkit-text-size-adjust:100%}
body{margin:0;font-family:arial,sans-serif;font-size:1.1875rem;line-height:1.32;color:#0b0c0c;background:#fff}
a{color:#1d70b8;text-decoration:underline;text-underline-offset:.1em;text-decoration-thickness:max(1px,.0625rem)}
a:visited{color:#4c2c92}
a:hover{color:#003078;text-decoration-thickness:max(3px,.1875rem)}
a:focus,button:focus,input:focus{outline:3px solid transparent}
a:focus{color:#0b0c0c;background:#ffdd00;box-shadow:0 -2px #ffdd00,0 4px #0b0c0c;text-decoration:none}
.skip{position:absolute;left:-9999px}
.skip:focus{position:static;display:block;padding:.5rem 1rem}
.header{background:#0b0c0c;color:#fff;border-bottom:10px solid #1d70b8}
.header .wrap{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:.5rem;padding-top:.6rem;padding-bottom:.6rem}
.header a{color:#fff;text-decoration:none;font-weight:700}
.header a:focus{color:#0b0c0c}
.header .council{font-size:1.5rem}
.wrap{max-width:60rem;margin:0 auto;padding:0 1rem}
main{padding-top:1.5rem;padding-bottom:2.5rem}
h1{font-size:2.25rem;line-height:1.1;margin:0 0 1.5rem}
h2{font-size:1.5rem;line-height:1.25;margin:2rem 0 1rem}
h3{font-size:1.1875rem;margin:1.25rem 0 .5rem}
p,ul,ol,dl{margin:0 0 1.25rem}
.lede{font-size:1.5rem}
.caption{display:block;color:#505a5f;font-size:1.5rem;margin-bottom:.25rem}
.hint{color:#505a5f;margin-bottom:.75rem}
.lang{font-weight:400}
.summary{border-top:1px solid #b1b4b6}
.summary div{display:flex;flex-wrap:wrap;border-bottom:1px solid #b1b4b6;padding:.6rem 0}
.summary dt{font-weight:700;flex:0 0 35%;min-width:12rem;padding-right:1rem}
.summary dd{margin:0;flex:1 1 20rem;overflow-wrap:anywhere}
.summary dd a{display:inline-block;padding:.2rem 0}
main li{margin-bottom:.6rem}
.cases{list-style:none;padding:0}
.periods{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.75rem 1.5rem}
.tag{display:inline-block;padding:.2rem .5rem;font-weight:700;background:#d2e2f1;color:#0c2d4a}
.tag.closed{background:#cce2d8;color:#005a30}
.timeline{list-style:none;padding:0;border-left:5px solid #1d70b8;padding-left:1rem}
.timeline li{margin-bottom:1.25rem}
.timeline .when{display:block;color:#505a5f}
.inset{border-left:10px solid #b1b4b6;padding:.75rem 1rem;margin:0 0 1.25rem}
blockquote.inset{margin:.4rem 0 0}
label{display:block;font-weight:700;margin-bottom:.3rem}
input[type=text],input[type=email]{font:inherit;width:100%;max-width:20em;padding:.3rem;border:2px solid #0b0c0c;border-radius:0}
input:focus{outline:3px solid #ffdd00;outline-offset:0;box-shadow:inset 0 0 0 2px #0b0c0c}
.form-group{margin-bottom:1.5rem}
.form-group.error{border-left:5px solid #d4351c;padding-left:.9rem}
.form-group.error input{border-color:#d4351c}
.error-message{display:block;color:#d4351c;font-weight:700;margin-bottom:.5rem}
button{font:inherit;color:#fff;background:#00703c;border:2px solid transparent;border-radius:0;box-shadow:0 2px 0 #002d18;padding:.4rem .7rem;cursor:pointer}
button:hover{background:#005a30}
button:focus{color:#0b0c0c;background:#ffdd00;box-shadow:0 2px 0 #0b0c0c}
.error-summary{border:5px solid #d4351c;padding:1rem;margin-bottom:2rem}
.error-summary:focus{outline:3px solid #ffdd00}
.error-summary h2{margin-top:0}
.error-summary ul{list-style:none;padding:0;margin:0}
.error-summary a{color:#d4351c;font-weight:700}
.error-summary a:focus{color:#0b0c0c}
table{border-collapse:collapse;width:100%;margin-bottom:1.25rem}
th,td{text-align:left;padding:.6rem 1rem .6rem 0;border-bottom:1px solid #b1b4b6;vertical-align:top}
td.num,th.num{text-align:right}
.table-wrap{overflow-x:auto}
.chart{max-width:100%;height:auto}
.footer{border-top:1px solid #b1b4b6;background:#f3f2f1;padding:1.5rem 0;font-size:1rem}
.footer ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem}
@media (max-width:40rem){body{font-size:1rem}th,td{padding-right:.5rem}h1{font-size:1.75rem}h2,.lede,.caption{font-size:1.25rem}.summary dt{flex-basis:100%}}
)css";

}  // namespace

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string url_encode(std::string_view text) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : text) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
        c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string with_language(const std::string& path, const std::vector<std::pair<std::string, std::string>>& params,
                          const std::string& language) {
  std::string out = path + "?lang=" + url_encode(language);
  for (const auto& [name, value] : params)
    if (name != "lang") out += "&" + url_encode(name) + "=" + url_encode(value);
  return out;
}

std::string error_summary(const i18n::Translator& t, const std::string& message, const std::string& field_id) {
  return "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\" aria-labelledby=\"error-summary-title\">"
         "<h2 id=\"error-summary-title\">" +
         escape(t.tr("There is a problem")) + "</h2><ul><li><a href=\"#" + field_id + "\">" + escape(message) +
         "</a></li></ul></div>";
}

std::string text_field(const i18n::Translator& t, const TextField& field) {
  const auto id = escape(field.name);
  std::string html = field.error.empty() ? "<div class=\"form-group\">" : "<div class=\"form-group error\">";
  html += "<label for=\"" + id + "\">" + escape(field.label) + "</label><div class=\"hint\" id=\"" + id +
          "-hint\">" + escape(field.hint) + "</div>";
  std::string described = id + "-hint";
  if (!field.error.empty()) {
    html += "<p class=\"error-message\" id=\"" + id + "-error\"><span class=\"skip\">" + escape(t.tr("Error:")) +
            "</span> " + escape(field.error) + "</p>";
    described += " " + id + "-error";
  }
  return html + "<input type=\"" + escape(field.type) + "\" id=\"" + id + "\" name=\"" + id + "\" " +
         field.attributes + " aria-describedby=\"" + described + "\" value=\"" + escape(field.value) + "\"></div>";
}

std::string render_page(const i18n::Translator& t, const PageParts& parts) {
  const auto title = (parts.has_error ? t.tr("Error:") + " " : std::string()) + parts.title;
  std::string html = "<!DOCTYPE html>\n<html lang=\"" + escape(t.language()) +
                     "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, "
                     "initial-scale=1\"><title>" +
                     escape(title + " - " + parts.council_name) + "</title>";
  if (!parts.feed_href.empty())
    html += "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"" + escape(parts.feed_href) +
            "\" title=\"" + escape(parts.feed_title) + "\">";
  html += "<style>" + std::string(kStyle) + "</style></head><body>";
  html += "<a class=\"skip\" href=\"#main\">" + escape(t.tr("Skip to main content")) + "</a>";
  html += "<header class=\"header\"><div class=\"wrap\"><a class=\"council\" href=\"/?lang=" + escape(t.language()) +
          "\">" + escape(parts.council_name) + "</a><nav aria-label=\"" + escape(t.tr("Language")) + "\">";
  for (const auto& other : parts.other_languages) {
    // Each language's name in itself, so a reader of it finds it.
    const bool welsh = other.language == "cy";
    html += "<a class=\"lang\" href=\"" + escape(other.href) + "\" lang=\"" + escape(other.language) +
            "\" hreflang=\"" + escape(other.language) + "\">" + (welsh ? "Cymraeg" : "English") + "</a>";
  }
  html += "</nav></div></header><div class=\"wrap\"><main id=\"main\" tabindex=\"-1\">";
  if (!parts.back_link.empty())
    html += "<p><a href=\"" + escape(parts.back_link) + "\">" + escape(t.tr("Back")) + "</a></p>";
  html += "<h1>";
  if (!parts.caption.empty()) html += "<span class=\"caption\">" + escape(parts.caption) + "</span>";
  html += escape(parts.title) + "</h1>" + parts.main_html + "</main></div>";
  const auto lang = "?lang=" + escape(t.language());
  html += "<footer class=\"footer\"><div class=\"wrap\"><h2 class=\"skip\">" + escape(t.tr("Other pages")) +
          "</h2><ul><li><a href=\"/track" + lang + "\">" + escape(t.tr("Track a request")) +
          "</a></li><li><a href=\"/top-issues" + lang + "\">" + escape(t.tr("What is being reported")) +
          "</a></li><li><a href=\"/my-requests" + lang + "\">" + escape(t.tr("Your requests")) +
          "</a></li><li><a href=\"/open-data" + lang + "\">" + escape(t.tr("Open data")) + "</a></li></ul><p>" +
          escape(format(t.tr("Run by {council}"), {{"council", parts.council_name}})) +
          "</p></div></footer></body></html>\n";
  return html;
}

}  // namespace oneservice::central::public_pages
