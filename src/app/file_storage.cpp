#include "file_storage.hpp"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <memory>

namespace plotline {

namespace {

void makeDirs(const std::string& dir) { // mkdir -p; failures show up later as write errors
    for (size_t at = 1; at != std::string::npos; at = dir.find('/', at + 1)) ::mkdir(dir.substr(0, at).c_str(), 0755);
    ::mkdir(dir.c_str(), 0755);
}

std::vector<std::string> entries(const std::string& dir, bool wantDirs) {
    std::vector<std::string> out;
    std::unique_ptr<DIR, int (*)(DIR*)> d(::opendir(dir.c_str()), &::closedir);
    if (!d) return out;
    while (const dirent* e = ::readdir(d.get())) {
        const std::string name = e->d_name;
        if (name == "." || name == "..") continue;
        struct stat st {};
        if (::stat((dir + "/" + name).c_str(), &st) != 0) continue;
        if (S_ISDIR(st.st_mode) == wantDirs) out.push_back(name);
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

FileStorage::FileStorage(std::string root) : root_(std::move(root)) { makeDirs(root_); }

void FileStorage::load(const std::string& area, Done done) {
    makeDirs(root_ + "/" + area);
    done("");
}

void FileStorage::persist(const std::string& area, Done done) {
    struct stat st {};
    done(::stat((root_ + "/" + area).c_str(), &st) == 0 ? "" : "the storage area " + area + " is missing");
}

void FileStorage::drop(const std::string& area, Done done) {
    const std::string dir = root_ + "/" + area;
    for (const std::string& f : entries(dir, false)) std::remove((dir + "/" + f).c_str());
    ::rmdir(dir.c_str());
    done("");
}

void FileStorage::areas(std::function<void(std::vector<std::string>)> done) { done(entries(root_, true)); }

std::optional<std::string> FileStorage::read(const std::string& path) { return readWholeFile(root_ + "/" + path); }

std::string FileStorage::write(const std::string& path, const std::string& text) {
    std::string err = writeFileAtomically(root_ + "/" + path, text);
    return err.empty() ? "" : "cannot save " + path;
}

void FileStorage::remove(const std::string& path) { std::remove((root_ + "/" + path).c_str()); }

std::vector<std::string> FileStorage::list(const std::string& area) {
    std::vector<std::string> out = entries(root_ + "/" + area, false);
    // Temporary files of writes in progress (".name.XXXXXX", or "name.tmp" from older builds) are not files.
    out.erase(std::remove_if(out.begin(), out.end(), [](const std::string& n) { return n.starts_with(".") || (n.size() > 4 && n.ends_with(".tmp")); }), out.end());
    return out;
}

} // namespace plotline
