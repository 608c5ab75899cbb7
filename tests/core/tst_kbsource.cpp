#include "kb/KbSource.h"

#include <QTest>

using namespace Qt::StringLiterals;
using lda::core::kb::parseKbSource;

class TestKbSource : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_readsRecordsFieldsAndLines()
    {
        const auto r = parseKbSource(u"x.kb"_s, "# comment\n\n[option aws-bedrock]\nname = Amazon Bedrock\n"
                                               "strength = one\nstrength = two\n[model llama-3-1-8b]\nname=Llama\n");
        QVERIFY(r.errors.isEmpty());
        QCOMPARE(r.records.size(), 2);
        QCOMPARE(r.records[0].type, u"option"_s);
        QCOMPARE(r.records[0].id, u"aws-bedrock"_s);
        QCOMPARE(r.records[0].line, 3);
        QCOMPARE(r.records[0].value(u"name"), u"Amazon Bedrock"_s);
        QCOMPARE(r.records[0].all(u"strength").size(), 2);
        QCOMPARE(r.records[0].field(u"strength")->line, 5);
        QCOMPARE(r.records[1].value(u"name"), u"Llama"_s);
    }

    void parse_reportsFileAndLineOfBadLines()
    {
        const auto r = parseKbSource(u"data/kb/bad.kb"_s, "[option ok]\nname = x\nthis line has no equals\n"
                                                         "[broken\n[option Upper]\nkey =\n");
        QCOMPARE(r.errors.size(), 4);
        QCOMPARE(r.errors[0].toString(), u"data/kb/bad.kb:3: expected 'key = value' or '[type id]'"_s);
        QCOMPARE(r.errors[1].line, 4);
        QCOMPARE(r.errors[2].line, 5);
        QVERIFY(r.errors[2].message.contains(u"invalid record id"_s));
        QCOMPARE(r.errors[3].line, 6);
    }

    void parse_fieldOutsideRecordIsAnError()
    {
        const auto r = parseKbSource(u"a.kb"_s, "name = orphan\n");
        QCOMPARE(r.errors.size(), 1);
        QVERIFY(r.errors[0].message.contains(u"outside of a record"_s));
    }

    void parse_rejectsInvalidUtf8()
    {
        const auto r = parseKbSource(u"a.kb"_s, QByteArrayView("[option x]\nname = \xff\xfe\n"));
        QCOMPARE(r.errors.size(), 1);
        QVERIFY(r.errors[0].message.contains(u"UTF-8"_s));
    }

    void parse_handlesCrLfAndWhitespace()
    {
        const auto r = parseKbSource(u"a.kb"_s, "  [gpu g5.xlarge]  \r\n  on_demand  =  1.006  \r\n");
        QVERIFY(r.errors.isEmpty());
        QCOMPARE(r.records[0].value(u"on_demand"), u"1.006"_s);
    }
};

QTEST_GUILESS_MAIN(TestKbSource)
#include "tst_kbsource.moc"
