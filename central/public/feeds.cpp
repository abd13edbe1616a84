#include "central/public/feeds.h"

#include <algorithm>
#include <map>

#include "central/public/figures.h"
#include "central/public/reference.h"
#include "central/public/words.h"
#include "shared/wording.h"

namespace oneservice::central::public_pages {
namespace {

constexpr std::size_t kMaxEntries = 200;

struct Entry {
  std::string id, title, updated, link, text;
};

std::string atom(const Visit& visit, const std::string& title, const std::string& self, const std::vector<Entry>& entries,
                 const std::string& fallback_updated) {
  std::string updated = fallback_updated;
  for (const auto& entry : entries) updated = std::max(updated, entry.updated);
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"" +
                    escape(visit.t.language()) + "\"><title>" + escape(title) + "</title><id>" +
                    escape(visit.base_url + self) + "</id><link rel=\"self\" href=\"" + escape(visit.base_url + self) +
                    "\"/><updated>" + escape(updated) + "</updated><author><name>" + escape(title) +
                    "</name></author>";
  for (const auto& entry : entries)
    xml += "<entry><id>" + escape(entry.id) + "</id><title>" + escape(entry.title) + "</title><updated>" +
           escape(entry.updated) + "</updated><link href=\"" + escape(entry.link) +
           "\"/><content type=\"text\">" + escape(entry.text) + "</content></entry>";
  return xml + "</feed>\n";
}

// Newest first; each update that moved the status or said something in public.
void add_updates(const Site& site, const Visit& visit, const std::vector<std::string>& ids, std::vector<Entry>& entries) {
  if (ids.empty()) return;
  UpdateQuery query;
  query.service_request_ids = ids;
  query.limit = kMaxEntries;
  std::map<std::string, CaseStatus> before;
  for (const auto& update : site.store.updates(query)) {
    const auto last = before.find(update.service_request_id);
    const bool moved = last == before.end() ? update.status != CaseStatus::Open : last->second != update.status;
    before[update.service_request_id] = update.status;
    if (!moved && update.description.empty()) continue;
    const auto link = visit.base_url + "/track/" + update.service_request_id;
    entries.push_back({link + "#update-" + std::to_string(update.update_id),
                       status_words(visit.t, update.status), update.updated_datetime, link,
                       update.description.empty() ? status_explained(visit.t, update.status) : update.description});
  }
}

void newest_first(std::vector<Entry>& entries) {
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.updated > b.updated; });
  if (entries.size() > kMaxEntries) entries.resize(kMaxEntries);
}

Answer no_feed(const Site& site, const Visit& visit, const std::string& title, const std::string& message) {
  auto parts = page_parts(site, visit, title);
  parts.main_html = "<p>" + escape(message) + "</p><p><a href=\"/open-data?lang=" + escape(visit.t.language()) +
                    "\">" + escape(visit.t.tr("See the feeds there are")) + "</a></p>";
  return {404, render_page(visit.t, parts)};
}

}  // namespace

Answer case_feed(const Site& site, const Visit& visit, const std::string& typed) {
  const auto& t = visit.t;
  const auto reference = read_reference(typed);
  std::optional<CaseRecord> record;
  if (reference && reference->kind == Reference::Kind::Council) record = site.store.find(reference->text);
  if (reference && reference->kind == Reference::Kind::Device) {
    auto found = site.store.find_by_reference(reference->text);
    if (!found.empty()) record = std::move(found.front());
  }
  if (!record)
    return no_feed(site, visit, t.tr("We cannot find that reference"),
                   format(t.tr("There is no request with the reference {reference}."), {{"reference", typed}}));
  std::vector<Entry> entries;
  add_updates(site, visit, {record->service_request_id}, entries);
  const auto link = visit.base_url + "/track/" + record->service_request_id;
  entries.push_back({link + "#received", t.tr("Your request reached the council"), record->requested_datetime, link,
                     service_name(site, t, record->service_code)});
  newest_first(entries);
  const auto title = format(t.tr("{service}: updates to request {reference}"),
                            {{"service", service_name(site, t, record->service_code)},
                             {"reference", record->service_request_id}});
  return {200, atom(visit, title, "/track/" + record->service_request_id + "/updates.atom", entries,
                    record->requested_datetime),
          "application/atom+xml; charset=utf-8"};
}

Answer area_feed(const Site& site, const Visit& visit, const std::string& area_id) {
  const auto& t = visit.t;
  const auto* area = site.boundaries.find(area_id);
  if (!area)
    return no_feed(site, visit, t.tr("There is no such area"),
                   t.tr("There is no feed for that area. The open data page lists the feeds for each area."));
  const auto figures = top_issues(site, site.clock.now(), area->id);
  std::vector<Entry> entries;
  std::vector<std::string> ids;
  for (const auto& each : figures.recent) {
    ids.push_back(each.service_request_id);
    const auto link = visit.base_url + "/track/" + each.service_request_id;
    entries.push_back({link + "#received", format(t.tr("New report: {service}"), {{"service", service_name(site, t, each.service_code)}}),
                       each.requested_datetime, link, status_words(t, each.status)});
  }
  add_updates(site, visit, ids, entries);
  newest_first(entries);
  const auto title = format(t.tr("Reports and updates in {area}"), {{"area", t.council(area->name)}});
  return {200, atom(visit, title, "/areas/" + url_encode(area->id) + "/updates.atom", entries, figures.now),
          "application/atom+xml; charset=utf-8"};
}

}  // namespace oneservice::central::public_pages
