#pragma once
// How an answer reads on the Check answers page: list keys become their
// names, dates read as "20 November 2026, 17:30", nothing is "Not provided".
#include <string>

#include "shared/catalogue.h"
#include "shared/wording.h"

namespace oneservice::kiosk {

std::string display_answer(const Attribute& attribute, const AnswerValue* value, const Wording& wording);

}  // namespace oneservice::kiosk
