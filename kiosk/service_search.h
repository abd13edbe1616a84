#pragma once
// Finding a service by what a resident types ("bin", "pot hole", "golau
// stryd"): every word typed must start a word of the service's name,
// keywords or group. Names are matched in the language shown, and the
// English keywords always count too, since people use the words they know.
#include <string>
#include <vector>

#include "shared/catalogue.h"

namespace oneservice::kiosk {

// Services matching the query, in catalogue order, those whose name matches
// first. `shown` is the catalogue as displayed (maybe translated); `english`
// the original, same services in the same order. Empty query: nothing.
std::vector<const Service*> search_services(const Catalogue& shown, const Catalogue& english,
                                            const std::string& query);

}  // namespace oneservice::kiosk
