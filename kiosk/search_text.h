#pragma once
// Words for matching what a resident types against names (services,
// places), whatever the case, accents or apostrophes: utf8proc decomposes,
// drops the marks and case-folds, so "FFÔRDD", "ffordd" and "Ffordd" match.
#include <string>
#include <string_view>
#include <vector>

namespace oneservice::kiosk {

// The words of a text as search compares them: lower case, accents and
// apostrophes removed ("St Mary’s Église" -> "st", "marys", "eglise").
std::vector<std::string> search_words(std::string_view text);

}  // namespace oneservice::kiosk
