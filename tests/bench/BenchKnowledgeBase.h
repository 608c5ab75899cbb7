#pragma once

// The knowledge base a benchmark program measures: the file given as its first argument, else the one
// this tree built (LDA_BENCH_KB). On failure the error goes to err and the result is null.
#include "kb/KnowledgeBase.h"

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

#include <memory>

namespace lda::bench {

inline std::unique_ptr<core::kb::KnowledgeBase> openBenchKnowledgeBase(QTextStream &err)
{
    const QStringList args = QCoreApplication::arguments();
    const QString path = args.size() > 1 ? args.at(1) : QStringLiteral(LDA_BENCH_KB);
    QString error;
    std::unique_ptr<core::kb::KnowledgeBase> kb = core::kb::KnowledgeBase::open(path, &error);
    if (!kb)
        err << "error: " << error << Qt::endl;
    return kb;
}

} // namespace lda::bench
