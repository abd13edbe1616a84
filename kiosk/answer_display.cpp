#include "kiosk/answer_display.h"

#include <cstdio>
#include <ctime>

#include "kiosk/progress_words.h"
#include "shared/clock.h"

namespace oneservice::kiosk {
namespace {

std::string display_datetime(const std::string& iso, const Wording& wording) {
  const auto when = parse_iso8601(iso);
  if (!when) return iso;
  std::string out = date_in_words(*when, wording);
  const std::time_t seconds = std::chrono::system_clock::to_time_t(*when);
  std::tm local{};
  localtime_r(&seconds, &local);
  if (local.tm_hour != 0 || local.tm_min != 0) {
    char time[8];
    std::snprintf(time, sizeof time, "%02d:%02d", local.tm_hour, local.tm_min);
    out += std::string(", ") + time;
  }
  return out;
}

}  // namespace

std::string display_answer(const Attribute& attribute, const AnswerValue* value, const Wording& wording) {
  if (!value || answer_is_empty(*value)) return say(wording, gettext_noop("Not provided"));
  if (attribute.datatype == Datatype::SingleValueList || attribute.datatype == Datatype::MultiValueList) {
    std::string out;
    for (const auto& key : answer_as_list(*value)) {
      const auto* option = attribute.find_value(key);
      if (!out.empty()) out += "\n";
      out += option ? option->name : key;
    }
    return out;
  }
  const auto& text = std::get<std::string>(*value);
  return attribute.datatype == Datatype::Datetime ? display_datetime(text, wording) : text;
}

}  // namespace oneservice::kiosk
