#pragma once
// The weekly digest for the council's social media: a few sentences ready to
// post (the most reported problems of the last 7 days and what was done,
// with a link to the top-issues page) and the chart as an SVG image, in
// the translator's language, from the same figures as the top-issues page
// (top_issues()), so the post and the page never disagree.
#include <string>

#include "central/public/figures.h"

namespace oneservice::central::public_pages {

struct Digest {
  std::string text;  // plain text, lines ending "\n"
  std::string svg;   // a standalone SVG file
};

// public_url: where the public pages are, no trailing slash.
Digest weekly_digest(const Site& site, const i18n::Translator& t, TimePoint now, const std::string& public_url);

}  // namespace oneservice::central::public_pages
