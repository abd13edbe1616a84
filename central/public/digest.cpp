#include "central/public/digest.h"

#include "central/public/chart_svg.h"
#include "central/public/words.h"
#include "shared/wording.h"

namespace oneservice::central::public_pages {
namespace {

constexpr std::size_t kProblemsNamed = 3;

}  // namespace

Digest weekly_digest(const Site& site, const i18n::Translator& t, TimePoint now, const std::string& public_url) {
  const auto figures = top_issues(site, now);
  const auto& week = figures.week;
  Digest digest;
  const auto council = t.council(site.catalogue.council_name);
  auto& text = digest.text;
  text = format(t.tr("What you told {council} in the week to {date}"),
                {{"council", council}, {"date", date_in_words(t, figures.now)}}) +
         "\n\n";
  text += format(t.tr("{reports} in the last {days} days. {fixed} fixed so far."),
                 {{"reports", format(t.trn("{count} report", "{count} reports", week.reported),
                                     {{"count", std::to_string(week.reported)}})},
                  {"days", std::to_string(week.days)},
                  {"fixed", std::to_string(week.fixed)}});
  if (week.median_days_to_fix)
    text += " " + format(t.tr("A fix typically took {time}."), {{"time", days_in_words(t, *week.median_days_to_fix)}});
  text += "\n";
  if (!week.by_service.empty()) {
    text += "\n" + t.tr("Most reported:") + "\n";
    for (std::size_t i = 0; i < week.by_service.size() && i < kProblemsNamed; ++i) {
      const auto& row = week.by_service[i];
      text += "- " + format(t.tr("{problem}: {reported} reported, {fixed} fixed."),
                            {{"problem", service_name(site, t, row.service_code)},
                             {"reported", std::to_string(row.reported)},
                             {"fixed", std::to_string(row.fixed)}}) +
              "\n";
    }
  }
  text += "\n" + t.tr("See what is being reported near you and follow any report:") + "\n" + public_url +
          "/top-issues?lang=" + t.language() + "\n";
  digest.svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + issues_chart_svg(site, t, week, true) + "\n";
  return digest;
}

}  // namespace oneservice::central::public_pages
