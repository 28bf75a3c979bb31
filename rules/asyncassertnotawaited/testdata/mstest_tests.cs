using System;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Shop.Tests.MSTest
{
    public class Mailer
    {
        public Task SendAsync(string to) => string.IsNullOrEmpty(to) ? throw new ArgumentException("to") : Task.CompletedTask;
    }

    [TestClass]
    public class MailerTests
    {
        [TestMethod]
        public async Task Send_rejects_empty()
        {
            var mailer = new Mailer();
            Assert.ThrowsExceptionAsync<ArgumentException>(() => mailer.SendAsync("")); // want ASY033
            await Assert.ThrowsExceptionAsync<ArgumentException>(() => mailer.SendAsync(""));
            Assert.ThrowsException<ArgumentException>(() => mailer.SendAsync("")); // want ASY033
        }
    }
}
