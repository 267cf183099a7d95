namespace PropertyHub.Tests.Testing;

public static class TestEnvironment
{
    /// <summary>Under CI a missing server or browser fails the run; by hand such tests are skipped with the reason.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string ArtifactsFolder
    {
        get
        {
            var folder = Environment.GetEnvironmentVariable("PROPERTYHUB_TEST_ARTIFACTS")
                ?? Path.Combine(AppContext.BaseDirectory, "artifacts");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }
}
