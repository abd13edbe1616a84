#include "central/public/top_issues_page.h"

#include "central/public/chart_svg.h"
#include "central/public/figures.h"
#include "central/public/words.h"
#include "shared/wording.h"

namespace oneservice::central::public_pages {
namespace {

constexpr std::size_t kRecentShown = 20;

std::string count_of_reports(const i18n::Translator& t, int n) {
  return format(t.trn("{count} report", "{count} reports", n), {{"count", std::to_string(n)}});
}

std::string report_link(const Site& site, const i18n::Translator& t, const std::string& service_code) {
  const auto& pattern = site.options.report_url;
  const auto marker = pattern.find("{service_code}");
  if (pattern.empty() || marker == std::string::npos) return {};
  auto href = pattern;
  href.replace(marker, 14, url_encode(service_code));
  return "<a href=\"" + escape(href) + "\">" + escape(t.tr("Report it")) + "<span class=\"skip\"> " +
         escape(service_name(site, t, service_code)) + "</span></a>";
}

std::string area_query(const std::string& area) { return area.empty() ? "" : "&area=" + url_encode(area); }

std::string period_links(const Visit& visit, bool month, const std::string& area) {
  const auto& t = visit.t;
  const auto link = [&](const char* period, const std::string& words, bool current) {
    const auto href = "/top-issues?lang=" + escape(t.language()) + "&period=" + period + escape(area_query(area));
    return "<li><a href=\"" + href + "\"" + (current ? " aria-current=\"page\"><strong>" : ">") + escape(words) +
           (current ? "</strong>" : "") + "</a></li>";
  };
  return "<nav aria-label=\"" + escape(t.tr("Time")) + "\"><ul class=\"periods\">" +
         link("week", t.tr("The last 7 days"), !month) + link("month", t.tr("The last 30 days"), month) +
         "</ul></nav>";
}

// "Near you": the council's districts, each a link to its own figures.
std::string area_links(const Site& site, const Visit& visit, bool month, const std::string& area) {
  const auto& t = visit.t;
  const auto base = "/top-issues?lang=" + escape(t.language()) + "&period=" + (month ? "month" : "week");
  const auto link = [&](const std::string& id, const std::string& words) {
    const bool current = id == area;
    return "<li><a href=\"" + base + escape(area_query(id)) + "\"" + (current ? " aria-current=\"page\"><strong>" : ">") +
           escape(words) + (current ? "</strong>" : "") + "</a></li>";
  };
  std::string html = "<nav aria-label=\"" + escape(t.tr("Areas")) + "\"><h2>" + escape(t.tr("Near you")) +
                     "</h2><ul class=\"periods\">" + link("", t.tr("The whole council"));
  for (const auto& each : site.boundaries.areas())
    if (each.kind == "district") html += link(each.id, t.council(each.name));
  return html + "</ul></nav>";
}

std::string summary(const i18n::Translator& t, const PeriodFigures& figures) {
  std::string html = "<p class=\"lede\">" +
                     escape(format(t.tr("{reports} in the last {days} days. {fixed} fixed so far."),
                                   {{"reports", count_of_reports(t, figures.reported)},
                                    {"days", std::to_string(figures.days)},
                                    {"fixed", std::to_string(figures.fixed)}}));
  if (figures.median_days_to_fix)
    html += " " + escape(format(t.tr("A fix typically took {time}."),
                                {{"time", days_in_words(t, *figures.median_days_to_fix)}}));
  return html + "</p>";
}

std::string table(const Site& site, const i18n::Translator& t, const PeriodFigures& figures) {
  if (figures.by_service_area.empty()) return {};
  const bool links = !site.options.report_url.empty();
  // The title is a heading above the table, not its caption: a caption
  // is as wide as the table, and a narrow screen scrolls the table.
  std::string html = "<h2 id=\"issues-title\">" + escape(t.tr("Most reported problems")) +
                     "</h2><div class=\"table-wrap\"><table aria-labelledby=\"issues-title\"><thead><tr><th scope=\"col\">" + escape(t.tr("Problem")) + "</th><th scope=\"col\">" +
                     escape(t.tr("Area")) + "</th><th scope=\"col\" class=\"num\">" + escape(t.tr("Reported")) +
                     "</th><th scope=\"col\" class=\"num\">" + escape(t.tr("Fixed")) + "</th><th scope=\"col\">" +
                     escape(t.tr("Typical time to fix")) + "</th>";
  if (links) html += "<th scope=\"col\"><span class=\"skip\">" + escape(t.tr("Report it")) + "</span></th>";
  html += "</tr></thead><tbody>";
  for (const auto& row : figures.by_service_area) {
    html += "<tr><th scope=\"row\">" + escape(service_name(site, t, row.service_code)) + "</th><td>";
    if (!row.area_id.empty())
      html += "<a href=\"/top-issues?lang=" + escape(t.language()) + "&area=" + url_encode(row.area_id) + "\">" +
              escape(t.council(row.area_name)) + "</a>";
    html += "</td><td class=\"num\">" + std::to_string(row.reported) + "</td><td class=\"num\">" +
            std::to_string(row.fixed) + "</td><td>" +
            escape(row.median_days_to_fix ? days_in_words(t, *row.median_days_to_fix) : t.tr("None fixed yet")) +
            "</td>";
    if (links) html += "<td>" + report_link(site, t, row.service_code) + "</td>";
    html += "</tr>";
  }
  return html + "</tbody></table></div>";
}

std::string recent(const Site& site, const i18n::Translator& t, const TopIssues& figures) {
  std::string html = "<h2>" + escape(t.tr("Latest reports")) + "</h2>";
  if (figures.recent.empty()) return html + "<p>" + escape(t.tr("Nothing has been reported in this time.")) + "</p>";
  html += "<ul>";
  std::size_t shown = 0;
  for (const auto& each : figures.recent) {
    if (++shown > kRecentShown) break;
    const auto area = public_area(site, each.lat, each.lon, each.responsible_area_id);
    std::string words = service_name(site, t, each.service_code);
    if (!area.name.empty()) words += ", " + t.council(area.name);
    html += "<li><a href=\"/track/" + escape(each.service_request_id) + "?lang=" + escape(t.language()) + "\">" +
            escape(words) + "</a> - " + escape(date_in_words(t, each.requested_datetime)) + " - " +
            escape(status_words(t, each.status)) + "</li>";
  }
  return html + "</ul>";
}

}  // namespace

Answer top_issues_page(const Site& site, const Visit& visit, const std::string& period, const std::string& area) {
  const auto& t = visit.t;
  const auto* place = area.empty() ? nullptr : site.boundaries.find(area);
  const bool bad_period = !period.empty() && period != "week" && period != "month";
  if (bad_period || (!area.empty() && (!place || place->kind != "district"))) {
    auto parts = page_parts(site, visit, t.tr("What is being reported"));
    parts.has_error = true;
    const auto message = bad_period ? t.tr("Choose the last 7 days or the last 30 days")
                                    : t.tr("Choose one of the areas below");
    parts.main_html = "<div class=\"error-summary\" role=\"alert\"><h2>" + escape(t.tr("There is a problem")) +
                      "</h2><p>" + escape(message) + "</p></div>" + period_links(visit, false, "") +
                      area_links(site, visit, false, "");
    return {400, render_page(t, parts)};
  }
  const bool month = period == "month";
  const auto figures = top_issues(site, site.clock.now(), area);
  const auto& shown = month ? figures.month : figures.week;
  auto parts = page_parts(site, visit, t.tr("What is being reported"));
  if (place) parts.caption = t.council(place->name);
  std::string html = period_links(visit, month, area) + summary(t, shown);
  html += "<figure style=\"margin:0 0 1.25rem\">" + issues_chart_svg(site, t, shown, false) + "</figure>";
  html += table(site, t, shown);
  html += recent(site, t, figures);
  html += area_links(site, visit, month, area);
  if (place)
    html += "<p><a href=\"/areas/" + url_encode(place->id) + "/updates.atom?lang=" + escape(t.language()) + "\">" +
            escape(format(t.tr("Follow new reports in {area} in a feed reader (Atom)"), {{"area", t.council(place->name)}})) +
            "</a></p>";
  html += "<p><a href=\"/open-data?lang=" + escape(t.language()) + "\">" +
          escape(t.tr("Get these figures as open data, and feeds of updates for your area")) + "</a></p>";
  parts.main_html = html;
  return {200, render_page(t, parts)};
}

Answer top_issues_chart(const Site& site, const Visit& visit, const std::string& period) {
  const auto figures = top_issues(site, site.clock.now());
  const auto& shown = period == "month" ? figures.month : figures.week;
  return {200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + issues_chart_svg(site, visit.t, shown, true),
          "image/svg+xml; charset=utf-8"};
}

Answer home_page(const Site& site, const Visit& visit) {
  const auto& t = visit.t;
  auto parts = page_parts(site, visit, t.council(site.catalogue.council_name));
  const auto lang = "?lang=" + escape(t.language());
  parts.main_html = "<p class=\"lede\">" + escape(t.tr("Find out what is happening with a report or request, and what "
                                                       "people are reporting near you.")) +
                    "</p><ul><li><a href=\"/track" + lang + "\">" + escape(t.tr("Track a request")) +
                    "</a></li><li><a href=\"/my-requests" + lang + "\">" + escape(t.tr("Your requests")) +
                    "</a></li><li><a href=\"/top-issues" + lang + "\">" + escape(t.tr("What is being reported")) +
                    "</a></li><li><a href=\"/open-data" + lang + "\">" + escape(t.tr("Open data")) + "</a></li></ul>";
  return {200, render_page(t, parts)};
}

}  // namespace oneservice::central::public_pages
