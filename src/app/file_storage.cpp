#include "file_storage.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace plotline {

FileStorage::FileStorage(std::string dir) : dir_(std::move(dir)) {
    std::error_code ec;
    std::filesystem::create_directories(dir_, ec);
}

std::optional<std::string> FileStorage::read(const std::string& key) {
    std::ifstream f(dir_ + "/" + key, std::ios::binary);
    if (!f) return std::nullopt;
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

std::string FileStorage::write(const std::string& key, const std::string& text) {
    const std::string path = dir_ + "/" + key, tmp = path + ".tmp";
    {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        if (!(f << text) || !f.flush()) {
            std::remove(tmp.c_str());
            return "cannot write " + key;
        }
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        std::remove(tmp.c_str());
        return "cannot replace " + key;
    }
    return "";
}

} // namespace plotline
