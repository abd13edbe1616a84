#include "kiosk/startup.h"

#include <filesystem>
#include <system_error>

#include "shared/format_error.h"

namespace oneservice::kiosk {

KioskServices open_services(const KioskOptions& options) {
  KioskServices services;
  std::error_code error;
  std::filesystem::create_directories(options.data_dir, error);
  if (error) {
    services.problem = "Cannot create the data folder " + options.data_dir + " (" + error.message() +
                       "). Give the kiosk's account a folder it can write, with --data.";
    return services;
  }
  try {
    services.outbox.emplace(sync::Outbox::open(sync::outbox_path(options.data_dir)));
    services.catalogue = sync::load_catalogue(
        *services.outbox, options.assets_dir + "/" + options.council + "/catalogue.json");
  } catch (const sync::StoreError& failure) {
    services.problem = failure.what();
  } catch (const FormatError& failure) {
    services.problem = failure.what();
  }
  services.places = load_place_data(options.assets_dir + "/" + options.council + "/boundaries.geojson");
  return services;
}

}  // namespace oneservice::kiosk
