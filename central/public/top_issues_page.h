#pragma once
// What is being reported: the council's top issues as public content (the
// most reported problems in the last 7 or 30 days by service and area, how
// many are fixed and how fast, the chart, a link to each public case and
// "report it" links), and the home page that leads to it.
#include <string>

#include "central/public/visit.h"

namespace oneservice::central::public_pages {

// ?period=week (default) or month, and ?area= a district's id (empty: the
// whole council); anything else is an error on the page.
Answer top_issues_page(const Site& site, const Visit& visit, const std::string& period, const std::string& area);
// The chart alone, as an SVG file.
Answer top_issues_chart(const Site& site, const Visit& visit, const std::string& period);
Answer home_page(const Site& site, const Visit& visit);

}  // namespace oneservice::central::public_pages
