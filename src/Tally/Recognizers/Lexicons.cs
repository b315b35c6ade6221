namespace Tally.Recognizers;

/// <summary>The built-in lexicons, loaded once from the library's data files.</summary>
public static class Lexicons
{
    private static readonly Lazy<Lexicon> s_actors = new(() => Lexicon.Load("actors"));
    private static readonly Lazy<Lexicon> s_sources = new(() => Lexicon.Load("sources"));
    private static readonly Lazy<Lexicon> s_attacks = new(() => Lexicon.Load("attacks"));
    private static readonly Lazy<Lexicon> s_victims = new(() => Lexicon.Load("victims"));
    private static readonly Lazy<Lexicon> s_casualties = new(() => Lexicon.Load("casualties"));

    /// <summary>Names of actors and their neutral ids (<c>actors.tsv</c>).</summary>
    public static Lexicon Actors => s_actors.Value;

    /// <summary>Names of sources and their ids (<c>sources.tsv</c>).</summary>
    public static Lexicon Sources => s_sources.Value;

    /// <summary>Weapons and acts and their attack types (<c>attacks.tsv</c>).</summary>
    public static Lexicon Attacks => s_attacks.Value;

    /// <summary>Victim nouns and their categories (<c>victims.tsv</c>).</summary>
    public static Lexicon Victims => s_victims.Value;

    /// <summary>Casualty words: killed or injured, active, passive or toll (<c>casualties.tsv</c>).</summary>
    public static Lexicon Casualties => s_casualties.Value;
}
