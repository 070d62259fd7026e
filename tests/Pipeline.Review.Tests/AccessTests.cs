using System.Text;
using Pipeline.Storage;

namespace Pipeline.Review.Tests;

public sealed class AccessTests
{
    private static readonly Office[] Registry = ReviewSite.Offices;

    [Fact]
    public void A_supervisor_role_covers_the_office_and_everything_under_it_and_a_clerk_only_their_own()
    {
        var supervisor = ClientPrincipal.Parse(BrowserTests.Principal("张", "z@example.cn", "Supervisor.town"))!.ToReviewer(Registry)!;
        var scope = new OfficeScope(supervisor, Registry);
        Assert.True(scope.CanDecide("town"));
        Assert.True(scope.CanDecide("village"));
        Assert.False(scope.CanSee("city"));
        Assert.False(scope.CanSee("edu"));

        var clerk = new OfficeScope(ClientPrincipal.Parse(BrowserTests.Principal("王", "w@example.cn", "Clerk.village"))!.ToReviewer(Registry)!, Registry);
        Assert.True(clerk.CanSee("village"));
        Assert.False(clerk.CanDecide("village"));
        Assert.False(clerk.CanSee("town"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("e30=")] // {} : no claims, no name
    public void A_malformed_or_empty_principal_gives_no_reviewer(string header)
    {
        var principal = ClientPrincipal.Parse(header);
        Assert.Null(principal?.ToReviewer(Registry));
    }

    [Fact]
    public void A_principal_with_no_role_and_no_registered_email_sees_nothing()
    {
        Assert.Null(ClientPrincipal.Parse(BrowserTests.Principal("路人", "nobody@example.cn"))!.ToReviewer(Registry));
    }

    [Fact]
    public void The_principal_is_read_as_App_Service_writes_it()
    {
        // The shape App Service authentication sends (claims with typ/val, its own name and role claim types).
        var json = """{"auth_typ":"aad","claims":[{"typ":"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name","val":"赵监督"},{"typ":"preferred_username","val":"zhao@example.cn"},{"typ":"roles","val":"Supervisor.edu"}],"name_typ":"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name","role_typ":"roles"}""";
        var reviewer = ClientPrincipal.Parse(Convert.ToBase64String(Encoding.UTF8.GetBytes(json)))!.ToReviewer(Registry)!;
        Assert.Equal("赵监督", reviewer.Name);
        Assert.Equal(ReviewerRole.Supervisor, reviewer.Role);
        Assert.Equal(["edu"], reviewer.Offices.ToArray());
    }
}
