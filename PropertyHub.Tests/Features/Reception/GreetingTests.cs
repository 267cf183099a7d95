using Bunit;
using PropertyHub.Features.Accounts;

namespace PropertyHub.Tests.Features.Reception;

public sealed class GreetingTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("zh-Hans", "您好，心家泊管理处，我姓王，有什么可以帮您…")]
    [InlineData("zh-Hant", "您好，心家泊管理处，我姓王，有什麼可以幫您…")]
    [InlineData("en", "Hello, 心家泊管理处, my surname is 王. How may I help you?")]
    public Task Greeting_Clerk_NamesTheOfficeAndTheClerksSurname(string culture, string expected) =>
        factory.RenderIntakeAsync(Roles.Clerk, (page, _) =>
        {
            page.WaitForAssertion(() => Assert.Equal(expected, page.Find("[data-testid=intake-greeting]").TextContent));
            return Task.CompletedTask;
        }, culture);

    [Fact]
    public Task Greeting_Manager_UsesTheDepartmentScriptWithTheirSurname() =>
        factory.RenderIntakeAsync(Roles.Manager, (page, _) =>
        {
            page.WaitForAssertion(() => Assert.Equal("您好，我姓林，有什么可以帮您…", page.Find("[data-testid=intake-greeting]").TextContent));
            return Task.CompletedTask;
        }, "zh-Hans");

    [Fact]
    public Task Greeting_PhraseGuideAndComplaintLines_AreShownBesideTheForm() =>
        factory.RenderIntakeAsync(Roles.Clerk, (page, _) =>
        {
            var phrases = page.Find("[data-testid=intake-phrases]").TextContent;
            Assert.Contains("我不知道，不晓得。", phrases);
            Assert.Contains("对不起，我不太清楚。", phrases);
            Assert.Contains("早上好／午安，心家泊管理处。", phrases);
            var complaint = page.Find("[data-testid=intake-complaint-lines]").TextContent;
            Assert.Contains("我感到非常抱歉，我会马上了解事情后尽快帮您解决的。", complaint);
            Assert.Contains("本部门的其他人都已经下班了，您是否可以留言？", complaint);
            return Task.CompletedTask;
        }, "zh-Hans");
}
