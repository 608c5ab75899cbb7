#include "LiveFacts.h"

#include "kb/KnowledgeBase.h"
#include "pricing/PriceCatalogue.h"

#include <QLocale>
#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;

namespace lda::core::guide {

namespace {

constexpr double kHoursPerMonth = 730.0;

// Offsets of the fenced code blocks, so that examples of the syntax inside ```text blocks stay literal.
QList<std::pair<qsizetype, qsizetype>> fencedRanges(const QString &markdown)
{
    QList<std::pair<qsizetype, qsizetype>> ranges;
    qsizetype pos = 0;
    qsizetype openAt = -1;
    QString fence;
    while (pos <= markdown.size()) {
        qsizetype end = markdown.indexOf(u'\n', pos);
        if (end < 0)
            end = markdown.size();
        const QStringView line = QStringView(markdown).mid(pos, end - pos).trimmed();
        if (openAt < 0 && (line.startsWith(u"```") || line.startsWith(u"~~~"))) {
            openAt = pos;
            qsizetype n = 0;
            while (n < line.size() && line.at(n) == line.at(0))
                ++n;
            fence = line.left(n).toString();
        } else if (openAt >= 0 && line.startsWith(fence) && line.mid(fence.size()).trimmed().isEmpty()) {
            ranges.append({openAt, end});
            openAt = -1;
        }
        pos = end + 1;
    }
    if (openAt >= 0)
        ranges.append({openAt, markdown.size()});
    return ranges;
}

} // namespace

QList<LiveFact> findLiveFacts(const QString &markdown)
{
    static const QRegularExpression re(u"<!--lda:([a-z]+):([^>]*?)-->(.*?)<!--/lda-->"_s);
    const auto fences = fencedRanges(markdown);
    QList<LiveFact> facts;
    qsizetype lineStart = 0;
    int line = 1;
    auto it = re.globalMatch(markdown);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const qsizetype at = m.capturedStart(0);
        bool inCode = false;
        for (const auto &[from, to] : fences)
            inCode = inCode || (at >= from && at < to);
        if (inCode)
            continue;
        line += int(QStringView(markdown).mid(lineStart, at - lineStart).count(u'\n'));
        lineStart = at;
        LiveFact f;
        f.kind = m.captured(1);
        const QString args = m.captured(2);
        const qsizetype colon = args.lastIndexOf(u':');
        f.id = colon < 0 ? args : args.left(colon);
        f.field = colon < 0 ? QString() : args.mid(colon + 1);
        f.staticText = m.captured(3);
        f.line = line;
        f.start = at;
        f.length = m.capturedLength(0);
        facts.append(f);
    }
    return facts;
}

std::optional<ShownAmount> parseShownAmount(QStringView staticText)
{
    QString text = staticText.trimmed().toString();
    if (!text.startsWith(u'$'))
        return std::nullopt;
    text.remove(0, 1);
    text.remove(u',');
    static const QRegularExpression number(u"^\\d+(\\.(\\d+))?$"_s);
    const QRegularExpressionMatch m = number.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    return ShownAmount{text.toDouble(), int(m.capturedLength(2))};
}

QString formatUsd(double value, int decimals)
{
    QLocale c(QLocale::C);
    c.setNumberOptions({}); // keep the group separator
    return u'$' % c.toString(value, 'f', decimals);
}

bool agreesWithShown(QStringView staticText, double value)
{
    const std::optional<ShownAmount> shown = parseShownAmount(staticText);
    if (!shown)
        return false;
    const double scale = std::pow(10.0, shown->decimals);
    // Round half away from zero, with a little slack for binary fractions (0.075 * 1000).
    return std::llround(value * scale + 1e-9) == std::llround(shown->value * scale);
}

LiveFactResolver::LiveFactResolver(const kb::KnowledgeBase &kb, const pricing::PriceCatalogue &prices)
{
    const QList<pricing::Price> all = prices.resolvedPrices();
    for (const pricing::Price &p : all) {
        const QString key = u"price:"_s % p.optionId % u'/' % p.modelId % u':';
        const auto put = [&](const QString &field, std::optional<double> v) {
            if (v)
                m_values.insert(key % field, {*v, p.asOf, p.source});
        };
        put(u"input"_s, p.inputPerMTok);
        put(u"output"_s, p.outputPerMTok);
        put(u"cached_input"_s, p.cachedInputPerMTok);
        put(u"cache_write"_s, p.cacheWritePerMTok);
        put(u"tier_input"_s, p.tierInputPerMTok);
        put(u"tier_output"_s, p.tierOutputPerMTok);
    }
    const QList<kb::GpuInstance> gpus = kb.gpuInstances();
    for (const kb::GpuInstance &g : gpus) {
        const QString key = u"gpu:"_s % g.id % u':';
        const auto put = [&](const QString &field, std::optional<double> v) {
            if (!v)
                return;
            m_values.insert(key % field, {*v, g.asOf, g.source});
            m_values.insert(key % field % u"_month"_s, {*v * kHoursPerMonth, g.asOf, g.source});
        };
        put(u"on_demand"_s, g.onDemandHour);
        put(u"spot"_s, g.spotHour);
        put(u"ri_1y"_s, g.ri1yHour);
        put(u"ri_3y"_s, g.ri3yHour);
    }
    const QList<kb::UseCase> useCases = kb.useCases();
    for (const kb::UseCase &u : useCases)
        m_useCases.insert(u.id, true);
}

ResolvedFact LiveFactResolver::resolve(const LiveFact &fact) const
{
    ResolvedFact r;
    const std::optional<ShownAmount> shown = parseShownAmount(fact.staticText);
    const int decimals = shown ? shown->decimals : 2;
    if (fact.kind == u"usecase"_s) {
        if (!m_useCases.contains(fact.id) || fact.field != u"monthly"_s) {
            r.error = u"unknown use case fact '"_s % fact.id % u':' % fact.field % u"'"_s;
            r.display = fact.staticText;
            r.isStatic = true;
            return r;
        }
        r.known = true;
        r.value = m_useCaseEstimator ? m_useCaseEstimator(fact.id) : std::nullopt;
        if (!r.value) {
            r.isStatic = true;
            r.display = fact.staticText;
            return r;
        }
        r.display = formatUsd(*r.value, decimals);
        r.source = u"cost engine estimate"_s;
        return r;
    }
    const auto it = m_values.constFind(fact.kind % u':' % fact.id % u':' % fact.field);
    if ((fact.kind != u"price"_s && fact.kind != u"gpu"_s) || it == m_values.cend()) {
        r.error = u"unknown "_s % fact.kind % u" fact '"_s % fact.id % u':' % fact.field % u"'"_s;
        r.display = fact.staticText;
        r.isStatic = true;
        return r;
    }
    r.known = true;
    r.value = it->value;
    r.asOf = it->asOf;
    r.source = it->source;
    // Show the precision the writer chose; more only where that would round a real price to $0.
    int places = decimals;
    while (places < 6 && it->value > 0 && std::llround(it->value * std::pow(10.0, places)) == 0)
        ++places;
    r.display = formatUsd(it->value, places);
    return r;
}

QString LiveFactResolver::html(const LiveFact &fact) const
{
    const ResolvedFact r = resolve(fact);
    if (r.isStatic) {
        const QString why = r.known ? u"Not computed live in this build; the guide's figure is shown."_s : r.error;
        return u"<span class=\"lda-fact lda-static\" title=\""_s % why.toHtmlEscaped() % u"\">"_s
            % fact.staticText.toHtmlEscaped() % u" <span class=\"lda-asof\">(static)</span></span>"_s;
    }
    const QString tip = (r.source.isEmpty() ? QString() : u"Source: "_s % r.source)
        % (r.asOf.isEmpty() ? QString() : u" (as of "_s % r.asOf % u')');
    return u"<span class=\"lda-fact\" title=\""_s % tip.toHtmlEscaped() % u"\">"_s % r.display.toHtmlEscaped()
        % (r.asOf.isEmpty() ? QString() : u" <span class=\"lda-asof\">as of "_s % r.asOf.toHtmlEscaped() % u"</span>"_s)
        % u"</span>"_s;
}

} // namespace lda::core::guide
