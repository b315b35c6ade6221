using Tally.Formats;
using Tally.Recognizers;

namespace Tally.Tests.Recognizers;

public class NumberRecognizerTest
{
    /// <summary>Each number as "phrase:value:qualifier"; a range's value is "low-high", a vague one's is its word.</summary>
    private static string[] Numbers(string text)
    {
        var doc = TestDocuments.Annotate(text, TestDocuments.Date("2019-08-29"));
        return doc.Numbers.Select(n =>
        {
            string value = n.Vague ?? (n.High is { } h ? $"{n.Value}-{h}" : n.Value.ToString()!);
            return $"{n.Range.Of(doc.Text)}:{value}:{SpansWriter.QualifierName(n.Qualifier)}";
        }).ToArray();
    }

    public static TheoryData<string, string[]> Digits => new()
    {
        { "Rescuers found 1,200 bodies.", ["1,200:1200:exact"] },
        { "Some 330,000 people have died.", ["Some 330,000:330000:about"] },
        { "The strike killed 16.", ["16:16:exact"] },
        { "About 1.5 million fled.", ["About 1.5 million:1500000:about"] },
        { "Officials counted 3 million.", ["3 million:3000000:exact"] },
    };

    public static TheoryData<string, string[]> Words => new()
    {
        { "Seven civilians died.", ["Seven:7:exact"] },
        { "It left twenty-five dead.", ["twenty-five:25:exact"] },
        { "It left twenty five dead.", ["twenty five:25:exact"] },
        { "A hundred and twelve were counted.", ["A hundred and twelve:112:exact"] },
        { "They found one hundred twenty bodies.", ["one hundred twenty:120:exact"] },
        { "A dozen were hurt.", ["A dozen:12:exact"] },
        { "More than a dozen were hurt.", ["More than a dozen:12:at_least"] },
        { "Two dozen were hurt.", ["Two dozen:24:exact"] },
        { "Half a dozen were hurt.", ["Half a dozen:6:exact"] },
        { "Three thousand fled.", ["Three thousand:3000:exact"] },
        { "One person died.", ["One:1:exact"] },
        { "No one was hurt in the raid.", [] },
        { "a woman was hurt", [] },
    };

    public static TheoryData<string, string[]> Vague => new()
    {
        { "Dozens were killed.", ["Dozens:dozens:exact"] },
        { "Scores of people were hurt.", ["Scores:scores:exact"] },
        { "The team scores goals.", [] },
        { "Hundreds fled the town.", ["Hundreds:hundreds:exact"] },
        { "Tens of thousands fled.", ["Tens of thousands:tens of thousands:exact"] },
        { "Hundreds of thousands fled.", ["Hundreds of thousands:hundreds of thousands:exact"] },
        { "Several were wounded.", ["Several:several:exact"] },
    };

    public static TheoryData<string, string[]> Qualifiers => new()
    {
        { "At least seven died.", ["At least seven:7:at_least"] },
        { "More than 40 died.", ["More than 40:40:at_least"] },
        { "It killed over 550 civilians.", ["over 550:550:at_least"] },
        { "Nearly 100 people died.", ["Nearly 100:100:about"] },
        { "About 20 died.", ["About 20:20:about"] },
        { "Some 50 people died.", ["Some 50:50:about"] },
        { "Up to 30 may have died.", ["Up to 30:30:up_to"] },
        { "As many as 30 died.", ["As many as 30:30:up_to"] },
        { "Around 12 died.", ["Around 12:12:about"] },
        { "Almost 12 died.", ["Almost 12:12:about"] },
        { "Twenty or more died.", ["Twenty or more:20:at_least"] },
        { "A total of 9 died.", ["A total of 9:9:exact"] },
        { "Some of the wounded left.", [] },
    };

    public static TheoryData<string, string[]> Ranges => new()
    {
        { "Between 10 and 15 died.", ["Between 10 and 15:10-15:at_least"] },
        { "It killed 10-15 people.", ["10-15:10-15:at_least"] },
        { "It killed 10 to 15 people.", ["10 to 15:10-15:at_least"] },
        { "It killed two or three people.", ["two or three:2-3:at_least"] },
        { "The toll rose from 10 to 15.", ["10:10:exact", "15:15:exact"] },
    };

    public static TheoryData<string, string[]> NotCounts => new()
    {
        { "It was the third strike this week.", [] },
        { "It was the 3rd strike.", [] },
        { "The war began in 2011.", [] },
        { "In 2013, 1,400 people died.", ["1,400:1400:exact"] },
        { "About 2000 people died.", ["About 2000:2000:about"] },
        { "It happened at 10:30 local time.", [] },
        { "It happened at 5 pm.", [] },
        { "Fri 07 Apr 2017 at 0914 the report came.", [] },
        { "Aid worth $5 million arrived.", [] },
        { "Aid worth 20 dollars arrived.", [] },
        { "Turnout was 40 percent, or 40%.", [] },
        { "The town is 10 km away.", [] },
        { "In 48 hours it was over.", [] },
        { "A 12-year-old boy died.", [] },
        { "He was aged 12.", [] },
        { "Resolution 2254 was passed.", [] },
        { "Article 51 was cited.", [] },
        { "Su-24 jets and F-16s flew.", [] },
        { "On 4/5/2017 it rained.", [] },
        { "It happened on 28 August.", [] },
        { "It happened on August 28, 2019.", [] },
        { "date 2019-08-27 nine died", ["nine:9:exact"] },
    };

    [Theory]
    [MemberData(nameof(Digits))]
    [MemberData(nameof(Words))]
    [MemberData(nameof(Vague))]
    [MemberData(nameof(Qualifiers))]
    [MemberData(nameof(Ranges))]
    [MemberData(nameof(NotCounts))]
    public void Recognize_Table(string text, string[] expected) => Assert.Equal(expected, Numbers(text));

    [Fact]
    public void Recognize_RecordsWhetherWrittenInWords()
    {
        var doc = TestDocuments.Annotate("Seven died and 8 were hurt.");
        Assert.True(doc.Numbers[0].IsWords);
        Assert.False(doc.Numbers[1].IsWords);
    }

    [Fact]
    public void Recognize_NumbersEverywhere_TakesLinearTime()
    {
        // 200,000 tokens of numbers and qualifiers must not blow up (no backtracking).
        var text = string.Concat(Enumerable.Repeat("at least 5 or more than twenty-one and between 3 and ", 20_000));
        var doc = TestDocuments.Annotate(text);
        Assert.True(doc.Numbers.Count >= 40_000);
    }
}
