#pragma once
// The top-issues chart as SVG drawn on the server: one row per problem,
// a bar for the reports and, inside it, one for those fixed, each labelled
// with its number, so it reads without colour and without a legend. The
// page's table says the same for screen readers and text-only browsers.
#include <string>

#include "central/public/figures.h"

namespace oneservice::central::public_pages {

// `standalone`: a file of its own (with the XML namespace and a white
// background, for the digest's image); otherwise for inline use in a page.
std::string issues_chart_svg(const Site& site, const i18n::Translator& t, const PeriodFigures& figures,
                             bool standalone);

}  // namespace oneservice::central::public_pages
