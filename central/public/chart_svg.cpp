#include "central/public/chart_svg.h"

#include <algorithm>

#include "shared/wording.h"

namespace oneservice::central::public_pages {
namespace {

// Narrow enough to show at its own size on a desktop and at 200% zoom,
// and shrink little on a phone, so its words stay readable.
constexpr int kWidth = 420;
// Each row: the problem's name on a line of its own (a Welsh name can be
// long), then its two bars.
constexpr int kLabelWidth = 0;
constexpr int kRowHeight = 88;
constexpr int kTop = 40;
constexpr std::size_t kMaxRows = 8;

std::string number(double value) { return std::to_string(static_cast<int>(value)); }

}  // namespace

std::string issues_chart_svg(const Site& site, const i18n::Translator& t, const PeriodFigures& figures,
                             bool standalone) {
  const auto rows = std::min(kMaxRows, figures.by_service.size());
  const int height = kTop + static_cast<int>(std::max<std::size_t>(rows, 1)) * kRowHeight + 16;
  int most = 1;
  for (std::size_t i = 0; i < rows; ++i) most = std::max(most, figures.by_service[i].reported);
  const double scale = static_cast<double>(kWidth - kLabelWidth - 60) / most;  // room for the number
  const auto title = format(t.trn("Reports and fixes in the last {count} day", "Reports and fixes in the last {count} days",
                                  figures.days),
                            {{"count", std::to_string(figures.days)}});
  std::string svg = "<svg";
  if (standalone) svg += " xmlns=\"http://www.w3.org/2000/svg\"";
  svg += " class=\"chart\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" viewBox=\"0 0 " +
         std::to_string(kWidth) + " " + std::to_string(height) + "\" width=\"" + std::to_string(kWidth) +
         "\" height=\"" + std::to_string(height) + "\" font-family=\"arial, sans-serif\" font-size=\"18\">";
  svg += "<title id=\"chart-title\">" + escape(title) + "</title>";
  std::string description;
  for (std::size_t i = 0; i < rows; ++i) {
    const auto& row = figures.by_service[i];
    description += format(t.tr("{problem}: {reported} reported, {fixed} fixed."),
                          {{"problem", service_name(site, t, row.service_code)},
                           {"reported", std::to_string(row.reported)},
                           {"fixed", std::to_string(row.fixed)}}) +
                   " ";
  }
  if (rows == 0) description = t.tr("Nothing has been reported in this time.");
  svg += "<desc id=\"chart-desc\">" + escape(description) + "</desc>";
  if (standalone) svg += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>";
  // The key, in words beside swatches: blue is reported, green fixed.
  svg += "<rect x=\"0\" y=\"8\" width=\"16\" height=\"16\" fill=\"#1d70b8\"/><text x=\"22\" y=\"22\" fill=\"#0b0c0c\">" +
         escape(t.tr("Reported")) + "</text>";
  svg += "<rect x=\"200\" y=\"8\" width=\"16\" height=\"16\" fill=\"#00703c\"/><text x=\"222\" y=\"22\" fill=\"#0b0c0c\">" +
         escape(t.tr("Fixed")) + "</text>";
  if (rows == 0)
    svg += "<text x=\"0\" y=\"" + std::to_string(kTop + 24) + "\" fill=\"#0b0c0c\">" +
           escape(t.tr("Nothing has been reported in this time.")) + "</text>";
  for (std::size_t i = 0; i < rows; ++i) {
    const auto& row = figures.by_service[i];
    const int y = kTop + static_cast<int>(i) * kRowHeight;
    auto name = service_name(site, t, row.service_code);
    svg += "<text x=\"0\" y=\"" + std::to_string(y + 16) + "\" fill=\"#0b0c0c\" font-weight=\"bold\">" + escape(name) + "</text>";
    const double reported_width = std::max(2.0, row.reported * scale);
    const double fixed_width = row.fixed * scale;
    svg += "<rect x=\"" + std::to_string(kLabelWidth) + "\" y=\"" + std::to_string(y + 26) + "\" width=\"" +
           number(reported_width) + "\" height=\"20\" fill=\"#1d70b8\"/>";
    svg += "<text x=\"" + number(kLabelWidth + reported_width + 8) + "\" y=\"" + std::to_string(y + 42) +
           "\" fill=\"#0b0c0c\">" + std::to_string(row.reported) + "</text>";
    svg += "<rect x=\"" + std::to_string(kLabelWidth) + "\" y=\"" + std::to_string(y + 50) + "\" width=\"" +
           number(std::max(row.fixed > 0 ? 2.0 : 0.0, fixed_width)) + "\" height=\"20\" fill=\"#00703c\"/>";
    svg += "<text x=\"" + number(kLabelWidth + fixed_width + 8) + "\" y=\"" + std::to_string(y + 66) +
           "\" fill=\"#0b0c0c\">" + std::to_string(row.fixed) + "</text>";
  }
  svg += "</svg>";
  return svg;
}

}  // namespace oneservice::central::public_pages
