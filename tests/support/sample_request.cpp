#include "support/sample_request.h"

#include <cstdio>

namespace oneservice::test_support {

ServiceRequest sample_request(const std::string& client_id) {
  ServiceRequest request;
  request.client_id = client_id;
  request.service_code = "pothole";
  request.catalogue_version = "2026-11-01T09:00:00Z";
  request.answers = {{"road_or_pavement", std::string("road")},
                     {"pothole_size", std::string("about_plate")},
                     {"depth_cm", std::string("7.5")},
                     {"time_of_day", std::vector<std::string>{"morning", "evening"}}};
  request.location.lat = 51.0625;
  request.location.lon = -0.3217;
  request.location.address_string = "Outside 12 Mill Lane, Wealdbridge";
  request.description = "Deep hole by the bus stop";
  request.contact = {"Jo", "Bloggs", "jo.bloggs@example.com", "07700 900982"};
  request.channel = Channel::Assisted;
  request.created_at = "2026-11-22T14:03:00Z";
  return request;
}

std::string client_id_for(int n) {
  char id[40];
  std::snprintf(id, sizeof id, "00000000-0000-4000-8000-%012d", n);
  return id;
}

}  // namespace oneservice::test_support
