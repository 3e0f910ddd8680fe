// The web app compiles in no catalogue: German, French and Spanish are files beside the page
// (i18n/<code>.cat, written from i18n_catalogue.cpp by src/tools/export_catalogues.cpp) and the app
// fetches the one its language needs (Host::fetchCatalogue); a first load in English fetches none.
#include "core/i18n.hpp"

namespace plotline::i18n {

const std::vector<Catalogue>& catalogues() {
    static const std::vector<Catalogue> none;
    return none;
}

} // namespace plotline::i18n
