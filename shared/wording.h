#pragma once
// Words a resident reads that shared/ writes (validation messages) but that
// the channel showing them translates. shared/ holds no i18n library: it
// writes English message templates with named placeholders, marks them for
// xgettext with gettext_noop, and asks an optional Wording hook for the
// words before filling the placeholders in. The kiosk's hook translates;
// with none, the English template is used as it is.
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace oneservice {

// msgid -> the words to show for it. Empty: English (the msgid itself).
using Wording = std::function<std::string(const std::string& msgid)>;

// Marks a literal for scripts/update-translations.sh (xgettext) without
// translating it where it is written; it is translated where it is shown.
constexpr const char* gettext_noop(const char* msgid) { return msgid; }

// The words for msgid: the hook's when there is one, else msgid.
std::string say(const Wording& wording, const char* msgid);

// Fills "{name}" placeholders: format("{label} must be {max} or less",
// {{"label", "Depth"}, {"max", "100"}}). Translations may put placeholders in
// any order or leave one out, which printf-style patterns cannot do. Values
// are inserted as they are and never scanned again; a brace that does not
// open a known name is kept as written.
std::string format(std::string pattern,
                   std::initializer_list<std::pair<std::string_view, std::string>> values);

}  // namespace oneservice
