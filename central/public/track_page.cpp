#include "central/public/track_page.h"

#include <algorithm>

#include "central/public/reference.h"
#include "central/public/words.h"
#include "shared/wording.h"

namespace oneservice::central::public_pages {
namespace {

constexpr const char* kExample = "OS-5BCJ-N6Z1";

std::string lang_field(const Visit& visit) {
  return "<input type=\"hidden\" name=\"lang\" value=\"" + escape(visit.t.language()) + "\">";
}

// The form, with the message of what went wrong when something did.
std::string search_form(const Visit& visit, const std::string& typed, const std::string& error) {
  const auto& t = visit.t;
  std::string html = "<form method=\"get\" action=\"/track\" novalidate>" + lang_field(visit);
  TextField field;
  field.name = "ref";
  field.label = t.tr("Your reference");
  field.hint = format(t.tr("It is on your receipt or the confirmation page, for example {example} or 1234."),
                      {{"example", kExample}});
  field.value = typed;
  field.error = error;
  field.attributes = "autocomplete=\"off\" spellcheck=\"false\" autocapitalize=\"characters\"";
  html += text_field(t, field);
  html += "<button type=\"submit\">" + escape(t.tr("Find my request")) + "</button></form>";
  return html;
}

std::string summary_row(const std::string& key, const std::string& value_html) {
  return "<div><dt>" + escape(key) + "</dt><dd>" + value_html + "</dd></div>";
}

std::string contact_html(const Site& site, const i18n::Translator& t, const CaseRecord& record) {
  std::string html = escape(t.council(record.agency_responsible));
  const auto* area = site.boundaries.find(record.responsible_area_id);
  if (!area) return html;
  const auto& contact = area->contact;
  std::string who;
  if (!contact.name.empty()) who = t.council(contact.name);
  if (!contact.role.empty() && contact.name.find(contact.role) == std::string::npos)
    who += (who.empty() ? "" : ", ") + t.council(contact.role);
  if (!who.empty()) html += "<br>" + escape(who);
  if (!contact.email.empty())
    html += "<br><a href=\"mailto:" + escape(contact.email) + "\">" + escape(contact.email) + "</a>";
  if (!contact.phone.empty()) {
    std::string dial;
    for (const char c : contact.phone)
      if ((c >= '0' && c <= '9') || c == '+') dial += c;
    html += "<br><a href=\"tel:" + escape(dial) + "\">" + escape(contact.phone) + "</a>";
  }
  return html;
}

std::string status_tag(const i18n::Translator& t, CaseStatus status) {
  return std::string("<strong class=\"tag") + (is_open(status) ? "" : " closed") + "\">" +
         escape(status_words(t, status)) + "</strong>";
}

// Every public update, newest first, and the receipt last. An update that
// neither moved the status nor said anything in public (a private note) is
// not the public's.
std::string timeline(const Site& site, const i18n::Translator& t, const CaseRecord& record) {
  UpdateQuery query;
  query.service_request_ids = {record.service_request_id};
  auto updates = site.store.updates(query);
  std::string items;
  CaseStatus before = CaseStatus::Open;
  std::vector<std::string> shown;
  for (const auto& update : updates) {
    const bool moved = update.status != before;
    before = update.status;
    if (!moved && update.description.empty()) continue;
    std::string item = "<li><span class=\"when\">" + escape(date_and_time_in_words(t, update.updated_datetime)) +
                       "</span>";
    item += moved ? "<strong>" + escape(status_words(t, update.status)) + "</strong>"
                  : "<strong>" + escape(t.tr("A note from the council")) + "</strong>";
    if (!update.description.empty())
      item += "<p>" + escape(t.tr("The council wrote:")) + "</p><blockquote class=\"inset\">" +
              escape(update.description) + "</blockquote>";
    shown.push_back(item + "</li>");
  }
  std::reverse(shown.begin(), shown.end());
  for (const auto& item : shown) items += item;
  items += "<li><span class=\"when\">" + escape(date_and_time_in_words(t, record.requested_datetime)) +
           "</span><strong>" + escape(t.tr("Your request reached the council")) + "</strong></li>";
  return "<h2>" + escape(t.tr("Updates")) + "</h2><ol class=\"timeline\" reversed>" + items + "</ol>";
}

std::string case_html(const Site& site, const Visit& visit, const CaseRecord& record, const std::string& shown_ref) {
  const auto& t = visit.t;
  std::string rows;
  rows += summary_row(t.tr("Reference"), "<strong>" + escape(shown_ref) + "</strong>");
  rows += summary_row(t.tr("Status"), status_tag(t, record.status) + "<br>" + escape(status_explained(t, record.status)));
  const auto area = public_area(site, record.lat, record.lon, record.responsible_area_id);
  if (!area.name.empty()) rows += summary_row(t.tr("Area"), escape(t.council(area.name)));
  rows += summary_row(t.tr("Received"), escape(date_in_words(t, record.requested_datetime)));
  rows += summary_row(t.tr("Last changed"), escape(date_in_words(t, record.updated_datetime)));
  rows += summary_row(t.tr("Who deals with it"), contact_html(site, t, record));
  std::string html = "<dl class=\"summary\">" + rows + "</dl>";
  html += timeline(site, t, record);
  html += "<p><a href=\"/track/" + escape(record.service_request_id) + "/updates.atom?lang=" + escape(t.language()) + "\">" +
          escape(t.tr("Follow this request in a feed reader (Atom)")) + "</a></p>";
  return html;
}

Answer not_found(const Site& site, const Visit& visit, const std::string& typed) {
  const auto& t = visit.t;
  auto parts = page_parts(site, visit, t.tr("We cannot find that reference"));
  std::string html = "<p>" + escape(format(t.tr("There is no request with the reference {reference}."),
                                           {{"reference", typed}})) +
                     "</p>";
  html += "<p>" + escape(t.tr("Check the reference and try again. If you made the request in the last few minutes, "
                              "it may not have reached the council yet: a kiosk or tablet sends it as soon as it "
                              "has a connection.")) +
          "</p>";
  html += search_form(visit, typed, "");
  for (const auto& area : site.boundaries.areas())
    if (area.kind == "county" && !area.contact.phone.empty()) {
      html += "<p>" + escape(format(t.tr("Or phone {council} on {phone} and give them the reference."),
                                    {{"council", t.council(area.name)}, {"phone", area.contact.phone}})) +
              "</p>";
      break;
    }
  parts.main_html = html;
  return {404, render_page(t, parts)};
}

Answer show_found(const Site& site, const Visit& visit, const std::vector<CaseRecord>& found,
                  const std::string& shown_ref) {
  const auto& t = visit.t;
  const auto& first = found.front();
  auto parts = page_parts(site, visit, service_name(site, t, first.service_code));
  parts.caption = t.tr("Track a request");
  parts.feed_href = "/track/" + first.service_request_id + "/updates.atom";
  parts.feed_title = t.tr("Updates to this request");
  std::string html;
  if (found.size() > 1)
    html += "<p class=\"inset\">" +
            escape(t.tr("More than one request has this reference. Each is shown below: yours is the one about "
                        "what you reported.")) +
            "</p>";
  for (std::size_t i = 0; i < found.size(); ++i) {
    if (i > 0) html += "<h2>" + escape(service_name(site, t, found[i].service_code)) + "</h2>";
    html += case_html(site, visit, found[i], shown_ref);
  }
  parts.main_html = html;
  return {200, render_page(t, parts)};
}

Answer find_and_show(const Site& site, const Visit& visit, const std::string& typed) {
  const auto reference = read_reference(typed);
  if (!reference) return not_found(site, visit, typed);
  std::vector<CaseRecord> found;
  if (reference->kind == Reference::Kind::Council) {
    if (auto record = site.store.find(reference->text)) found.push_back(std::move(*record));
  } else {
    found = site.store.find_by_reference(reference->text);
  }
  if (found.empty()) return not_found(site, visit, reference->text);
  return show_found(site, visit, found, reference->text);
}

}  // namespace

Answer track_search(const Site& site, const Visit& visit, const std::string& typed, bool asked) {
  const auto& t = visit.t;
  std::string error;
  if (asked) {
    const auto trimmed = typed.find_first_not_of(" \t") == std::string::npos ? std::string() : typed;
    if (trimmed.empty()) error = t.tr("Enter your reference");
    else if (!read_reference(typed))
      error = format(t.tr("Enter your reference as it was given to you, like {example} or 1234"),
                     {{"example", kExample}});
    else return find_and_show(site, visit, typed);
  }
  auto parts = page_parts(site, visit, t.tr("Track a request"));
  parts.has_error = !error.empty();
  std::string html;
  if (!error.empty()) html += error_summary(t, error, "ref");
  html += "<p class=\"lede\">" +
          escape(t.tr("See what is happening with something you reported or asked for, whichever way you asked: at a "
                      "kiosk, on the phone, with a helper or online.")) +
          "</p>";
  html += search_form(visit, typed, error);
  parts.main_html = html;
  return {error.empty() ? 200 : 400, render_page(t, parts)};
}

Answer track_reference(const Site& site, const Visit& visit, const std::string& typed) {
  return find_and_show(site, visit, typed);
}

}  // namespace oneservice::central::public_pages
